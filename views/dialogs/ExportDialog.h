// File › Export…: the format, the table (CSV), the DPI (PNG) and the file,
// the folder and format remembered from the last export (QSettings
// "export/folder", "export/format"). Every field has a mnemonic and the tab
// order follows the form, so it is driven from the keyboard alone.
#pragma once

#include <QDialog>

#include "views/export/ExportFile.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace sw::views {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // `baseName` names the suggested file ("planet" -> planet.png).
    ExportDialog(const QString& baseName, QWidget* parent = nullptr);

    ExportOptions options() const;
    QString path() const;
    void accept() override;   // remembers the folder and the format

private:
    void formatChanged();
    void browse();

    QComboBox* format_ = nullptr;
    QComboBox* table_ = nullptr;
    QSpinBox* dpi_ = nullptr;
    QLineEdit* path_ = nullptr;
    QString base_;
};

}  // namespace sw::views
