// Replaces the project's scenario list (the simulation dock's editor).
#pragma once

#include <QUndoCommand>

#include <vector>

#include "model/Scenario.h"

namespace sw::views {

class DesignDocument;

class ScenariosCommand : public QUndoCommand {
public:
    ScenariosCommand(DesignDocument* doc, std::vector<Scenario> scenarios);
    void redo() override;
    void undo() override;

private:
    DesignDocument* doc_;
    std::vector<Scenario> after_, before_;
};

}  // namespace sw::views
