// Edits the project's scenario list as JSON text, checked as you type: a
// syntax or range error names its line or its scenario, event and field and
// keeps OK disabled; an event naming something the variant on show does not
// have is a warning (another variant may have it).
#pragma once

#include <QDialog>

#include <vector>

#include "model/Design.h"

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QTimer;

namespace sw::views {

class ScenarioEditor : public QDialog {
    Q_OBJECT
public:
    ScenarioEditor(const Project& project, const Design& design, QWidget* parent = nullptr);

    QPlainTextEdit* editor() const { return text_; }
    QString verdict() const;
    bool acceptable() const { return ok_; }
    // The list as last checked (valid only when acceptable()).
    const std::vector<Scenario>& scenarios() const { return parsed_; }

public slots:
    void check();

private:
    const Design& design_;
    QPlainTextEdit* text_;
    QLabel* verdict_;
    QDialogButtonBox* buttons_;
    QTimer* debounce_;
    std::vector<Scenario> parsed_;
    bool ok_ = false;
};

}  // namespace sw::views
