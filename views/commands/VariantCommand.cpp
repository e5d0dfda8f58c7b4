#include "views/commands/VariantCommand.h"

#include <QCoreApplication>

#include "views/document/DesignDocument.h"

namespace sw::views {

VariantCommand::VariantCommand(DesignDocument* doc, Op op, int index, Design design)
    : doc_(doc), op_(op), index_(index), previous_(doc->currentVariant()), design_(std::move(design)) {
    const auto& vs = doc->project().variants;
    if (op == Op::Remove) design_ = vs[static_cast<std::size_t>(index)];
    if (op == Op::Rename) oldName_ = vs[static_cast<std::size_t>(index)].name;
    const QString name = QString::fromStdString(design_.name);
    switch (op) {
    case Op::Add: setText(QCoreApplication::translate("Commands", "Add variant %1").arg(name)); break;
    case Op::Remove: setText(QCoreApplication::translate("Commands", "Delete variant %1").arg(name)); break;
    case Op::Rename:
        setText(QCoreApplication::translate("Commands", "Rename variant %1 to %2")
                    .arg(QString::fromStdString(oldName_), name));
        break;
    case Op::Move: break;
    }
}

VariantCommand::VariantCommand(DesignDocument* doc, int from, int to)
    : doc_(doc), op_(Op::Move), index_(from), previous_(doc->currentVariant()), to_(to) {
    const QString name = QString::fromStdString(doc->project().variants[static_cast<std::size_t>(from)].name);
    setText(to < from ? QCoreApplication::translate("Commands", "Move variant %1 up").arg(name)
                      : QCoreApplication::translate("Commands", "Move variant %1 down").arg(name));
}

void VariantCommand::redo() {
    switch (op_) {
    case Op::Add: doc_->insertVariant(index_, design_); break;
    case Op::Remove: doc_->removeVariant(index_); break;
    case Op::Rename: doc_->renameVariant(index_, design_.name); break;
    case Op::Move: doc_->moveVariant(index_, to_); break;
    }
}

void VariantCommand::undo() {
    switch (op_) {
    case Op::Add:
        doc_->removeVariant(index_);
        doc_->setCurrentVariant(previous_);
        break;
    case Op::Remove: doc_->insertVariant(index_, design_); break;
    case Op::Rename: doc_->renameVariant(index_, oldName_); break;
    case Op::Move: doc_->moveVariant(to_, index_); break;
    }
}

}  // namespace sw::views
