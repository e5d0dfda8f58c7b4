#include "views/dialogs/ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

#include "views/dialogs/SaveDialog.h"
#include "views/export/CanvasExport.h"

namespace sw::views {

namespace {
constexpr auto kFolderKey = "export/folder";
constexpr auto kFormatKey = "export/format";

QString formatLabel(const QString& f) {
    if (f == QLatin1String("png")) return QObject::tr("PNG image (canvas)");
    if (f == QLatin1String("svg")) return QObject::tr("SVG drawing (canvas)");
    if (f == QLatin1String("pdf")) return QObject::tr("PDF drawing (canvas)");
    if (f == QLatin1String("dot")) return QObject::tr("Graphviz DOT (topology)");
    if (f == QLatin1String("mermaid")) return QObject::tr("Mermaid flowchart (topology)");
    if (f == QLatin1String("mermaid-architecture")) return QObject::tr("Mermaid architecture-beta (topology)");
    if (f == QLatin1String("structurizr")) return QObject::tr("Structurizr DSL (topology)");
    return QObject::tr("CSV table");
}
}  // namespace

ExportDialog::ExportDialog(const QString& baseName, QWidget* parent) : QDialog(parent), base_(baseName.isEmpty() ? QStringLiteral("design") : baseName) {
    setWindowTitle(tr("Export"));
    auto* form = new QFormLayout;
    format_ = new QComboBox(this);
    format_->setObjectName("exportFormat");
    for (const QString& f : exportFormats()) format_->addItem(formatLabel(f), f);
    table_ = new QComboBox(this);
    table_->setObjectName("exportTable");
    table_->addItem(tr("Tiers"), "tiers");
    table_->addItem(tr("Cost"), "cost");
    table_->addItem(tr("Growth projection"), "projection");
    dpi_ = new QSpinBox(this);
    dpi_->setObjectName("exportDpi");
    dpi_->setRange(CanvasExport::kMinDpi, CanvasExport::kMaxDpi);
    dpi_->setValue(CanvasExport::kDefaultDpi);
    dpi_->setSuffix(tr(" dpi"));
    path_ = new QLineEdit(this);
    path_->setObjectName("exportPath");
    auto* browse = new QPushButton(tr("&Browse…"), this);
    auto* row = new QHBoxLayout;
    row->addWidget(path_, 1);
    row->addWidget(browse);
    auto add = [&](const QString& text, QWidget* field, QLayout* layout = nullptr) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        if (layout) form->addRow(label, layout);
        else form->addRow(label, field);
    };
    add(tr("&Format:"), format_);
    add(tr("&Table:"), table_);
    add(tr("&Resolution:"), dpi_);
    add(tr("F&ile:"), path_, row);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    auto* top = new QVBoxLayout(this);
    top->addLayout(form);
    top->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    QSettings s;
    const QString folder = s.value(kFolderKey, QDir::homePath()).toString();
    const int last = format_->findData(s.value(kFormatKey, "png").toString());
    format_->setCurrentIndex(last < 0 ? 0 : last);
    path_->setText(QDir(folder).filePath(base_ + "." + exportExtension(format_->currentData().toString())));
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    formatChanged();
}

void ExportDialog::formatChanged() {
    const QString f = format_->currentData().toString();
    table_->setEnabled(f == QLatin1String("csv"));
    dpi_->setEnabled(f == QLatin1String("png"));
    // The file's extension follows the format.
    QFileInfo info(path_->text());
    if (!path_->text().isEmpty())
        path_->setText(QDir(info.path()).filePath(info.completeBaseName() + "." + exportExtension(f)));
}

void ExportDialog::browse() {
    const QString f = format_->currentData().toString();
    const QString ext = exportExtension(f);
    const QString chosen = getSavePath(this, tr("Export to"), path_->text(), QStringLiteral("%1 (*.%2)").arg(formatLabel(f), ext));
    if (!chosen.isEmpty()) path_->setText(chosen);
}

ExportOptions ExportDialog::options() const {
    ExportOptions o;
    o.format = format_->currentData().toString();
    o.table = table_->currentData().toString();
    o.dpi = dpi_->value();
    return o;
}

QString ExportDialog::path() const { return path_->text().trimmed(); }

void ExportDialog::accept() {
    if (path().isEmpty()) {
        path_->setFocus();
        return;
    }
    QSettings s;
    s.setValue(kFolderKey, QFileInfo(path()).absolutePath());
    s.setValue(kFormatKey, format_->currentData().toString());
    QDialog::accept();
}

}  // namespace sw::views
