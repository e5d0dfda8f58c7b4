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
    case Op::Rename: setText(QCoreApplication::translate("Commands", "Rename variant to %1").arg(name)); break;
    }
}

void VariantCommand::redo() {
    switch (op_) {
    case Op::Add: doc_->insertVariant(index_, design_); break;
    case Op::Remove: doc_->removeVariant(index_); break;
    case Op::Rename: doc_->renameVariant(index_, design_.name); break;
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
    }
}

}  // namespace sw::views
