#include "views/commands/InsertCommand.h"

#include "views/document/DesignDocument.h"

namespace sw::views {

InsertCommand::InsertCommand(DesignDocument* doc, Fragment fragment, const QString& text)
    : doc_(doc), fragment_(std::move(fragment)), variant_(doc->currentVariant()) {
    setText(text);
}

void InsertCommand::redo() {
    doc_->setCurrentVariant(variant_);
    for (const Region& r : fragment_.regions) doc_->insertRegion(-1, r);
    for (const Zone& z : fragment_.zones) doc_->insertZone(-1, z);
    for (const Component& c : fragment_.components) doc_->insertComponent(-1, c);
    for (const Link& l : fragment_.links) doc_->insertLink(-1, l);
}

void InsertCommand::undo() {
    doc_->setCurrentVariant(variant_);
    for (auto it = fragment_.links.rbegin(); it != fragment_.links.rend(); ++it) doc_->removeLink(it->id);
    for (auto it = fragment_.components.rbegin(); it != fragment_.components.rend(); ++it)
        doc_->removeComponent(it->id);
    for (auto it = fragment_.zones.rbegin(); it != fragment_.zones.rend(); ++it) doc_->removeZone(it->id);
    for (auto it = fragment_.regions.rbegin(); it != fragment_.regions.rend(); ++it) doc_->removeRegion(it->id);
}

}  // namespace sw::views
