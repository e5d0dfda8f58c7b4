// Turns a selection into the JSON interchange text the clipboard carries, and
// pasted text back into records with fresh ids for a target document, so
// copy/paste works between windows and with a text editor.
#pragma once

#include <QString>

#include <set>
#include <string>

#include "model/Result.h"
#include "views/document/Fragment.h"

namespace sw::views {

class DesignDocument;

// The records a copy of `sel` carries: the selected ones, what selected
// containers hold, and the links whose both ends are copied.
Fragment fragmentOf(const Design& d, const std::set<std::string>& components, const std::set<std::string>& regions,
                    const std::set<std::string>& zones, const std::set<std::string>& links);

QString fragmentToJson(const Fragment& f);
Result<Fragment> fragmentFromJson(const QString& text);

// Gives every record an id unused in `doc` (and links follow their ends),
// shifts the geometry by `offset`, and names copies after their originals.
Fragment withFreshIds(const Fragment& f, const DesignDocument& doc, double dx, double dy);

// Prefix of generated ids for a component kind ("load-balancer").
std::string idPrefix(ComponentKind kind);

}  // namespace sw::views
