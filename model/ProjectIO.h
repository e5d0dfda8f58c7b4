// Opens and saves a project by file type: JSON interchange (.json) or the
// native SQLite project (.swproj), chosen by content when reading.
#pragma once

#include <optional>
#include <string>

#include "model/Design.h"
#include "model/Result.h"

namespace sw {

enum class ProjectFormat { Json, Swproj };

// By extension: ".swproj" is native, anything else JSON.
ProjectFormat formatForPath(const std::string& path);

// Reads either format; SQLite files are recognised by their header, so a
// misnamed file still opens or is refused with the right message. "-" is
// standard input; it, and any pipe or device, is read once (bounded) and
// recognised by its content.
Result<Project> loadProject(const std::string& path);
// A project from bytes already read; `name` starts the error messages.
Result<Project> loadProjectBytes(const std::string& bytes, const std::string& name);
// Writes in the format the extension names; an error message or nothing.
// Never leaves a half-written file: JSON goes through a temporary file and a
// rename; a new .swproj too; an existing .swproj is replaced in one transaction
// (and refused when it is not a Scalewright project).
std::optional<std::string> saveProject(const std::string& path, const Project& project);

}  // namespace sw
