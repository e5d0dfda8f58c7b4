// Replaces records by id with new values: moves, resizes, inspector edits,
// re-placement into another container. One generic command for every edit of
// existing records; consecutive keyboard nudges of one selection merge.
#pragma once

#include <QUndoCommand>

#include "views/document/Fragment.h"

namespace sw::views {

class DesignDocument;

class UpdateCommand : public QUndoCommand {
public:
    UpdateCommand(DesignDocument* doc, Fragment before, Fragment after, const QString& text,
                  int mergeId = -1);
    void redo() override;
    void undo() override;
    int id() const override { return mergeId_; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const Fragment& f);

    DesignDocument* doc_;
    Fragment before_, after_;
    int variant_;
    int mergeId_;
};

// The current values of the records named in `f` (same ids, document values).
Fragment snapshotOf(const DesignDocument& doc, const Fragment& f);

}  // namespace sw::views
