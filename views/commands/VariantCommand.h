// Adds, removes or renames a design variant of the project.
#pragma once

#include <QUndoCommand>

#include <string>

#include "model/Design.h"

namespace sw::views {

class DesignDocument;

class VariantCommand : public QUndoCommand {
public:
    enum class Op { Add, Remove, Rename, Move };
    // Add: inserts `design` at `index`. Remove: takes out the variant at
    // `index`. Rename: sets the name of the variant at `index` to design.name.
    VariantCommand(DesignDocument* doc, Op op, int index, Design design);
    // Move: the variant at `from` to position `to` (the order compare and the report use).
    VariantCommand(DesignDocument* doc, int from, int to);
    void redo() override;
    void undo() override;

private:
    DesignDocument* doc_;
    Op op_;
    int index_;
    int previous_;
    int to_ = 0;
    Design design_;
    std::string oldName_;
};

}  // namespace sw::views
