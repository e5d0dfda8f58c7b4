// Adds records to the design (drop from the palette, new edge, paste,
// duplicate); undo takes them out again.
#pragma once

#include <QUndoCommand>

#include "views/document/Fragment.h"

namespace sw::views {

class DesignDocument;

class InsertCommand : public QUndoCommand {
public:
    InsertCommand(DesignDocument* doc, Fragment fragment, const QString& text);
    void redo() override;
    void undo() override;
    const Fragment& fragment() const { return fragment_; }

private:
    DesignDocument* doc_;
    Fragment fragment_;
    int variant_;
};

}  // namespace sw::views
