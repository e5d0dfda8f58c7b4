// Deletes records with what hangs on them (a region takes its zones and
// components, a component its edges). The removed records move into the
// command with their positions, so undo puts each back where it was.
#pragma once

#include <QUndoCommand>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/Design.h"

namespace sw::views {

class DesignDocument;

struct Selection {
    std::set<std::string> components, links, regions, zones;
    bool empty() const { return components.empty() && links.empty() && regions.empty() && zones.empty(); }
};

class RemoveCommand : public QUndoCommand {
public:
    RemoveCommand(DesignDocument* doc, const Selection& selection);
    void redo() override;
    void undo() override;
    bool isEmpty() const;

private:
    DesignDocument* doc_;
    int variant_;
    std::vector<std::pair<int, Region>> regions_;
    std::vector<std::pair<int, Zone>> zones_;
    std::vector<std::pair<int, Component>> components_;
    std::vector<std::pair<int, Link>> links_;
};

// The selection grown by what deleting it takes along.
Selection closeOver(const Design& d, Selection s);

}  // namespace sw::views
