// Fuzzes opening a .swproj (SQLite) project from bytes, the way a pipe or a
// misnamed file reaches it: damaged pages, foreign schemas, odd column types
// and values give a project or a message naming the file, never a crash.
// Seeds: real projects written by the store (make_swproj_seeds).
#include "model/JsonFormat.h"
#include "model/ProjectIO.h"
#include "tests/fuzz/FuzzCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sw;
    // Only SQLite bytes take the store's path; the rest is the JSON target's.
    static const std::string kMagic("SQLite format 3\0", 16);
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.size() < kMagic.size() || bytes.compare(0, kMagic.size(), kMagic) != 0) return -1;
    auto project = loadProjectBytes(bytes, "fuzz.swproj");
    if (!project) {
        fuzz::check(project.error().starts_with("fuzz.swproj"), "a refused project names the file", project.error());
        return 0;
    }
    fuzz::check(!project.value().variants.empty(), "an opened project has a variant");
    // What the store accepted is a project the interchange format can carry.
    const std::string json = projectToJson(project.value());
    auto back = projectFromJson(json);
    fuzz::check(back.ok(), "an opened project converts to JSON that reads back", back.error() + "\n" + json);
    return 0;
}
