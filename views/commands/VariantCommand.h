// Adds, removes or renames a design variant of the project.
#pragma once

#include <QUndoCommand>

#include <string>

#include "model/Design.h"

namespace sw::views {

class DesignDocument;

class VariantCommand : public QUndoCommand {
public:
    enum class Op { Add, Remove, Rename };
    // Add: inserts `design` at `index`. Remove: takes out the variant at
    // `index`. Rename: sets the name of the variant at `index` to design.name.
    VariantCommand(DesignDocument* doc, Op op, int index, Design design);
    void redo() override;
    void undo() override;

private:
    DesignDocument* doc_;
    Op op_;
    int index_;
    int previous_;
    Design design_;
    std::string oldName_;
};

}  // namespace sw::views
