#include "views/commands/ScenariosCommand.h"

#include <QCoreApplication>

#include "views/document/DesignDocument.h"

namespace sw::views {

ScenariosCommand::ScenariosCommand(DesignDocument* doc, std::vector<Scenario> scenarios)
    : doc_(doc), after_(std::move(scenarios)), before_(doc->project().scenarios) {
    setText(QCoreApplication::translate("Commands", "Edit scenarios"));
}

void ScenariosCommand::redo() { doc_->setScenarios(after_); }

void ScenariosCommand::undo() { doc_->setScenarios(before_); }

}  // namespace sw::views
