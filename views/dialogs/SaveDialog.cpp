#include "views/dialogs/SaveDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>

namespace sw::views {

QString withFilterExtension(const QString& path, const QString& filter) {
    if (path.isEmpty()) return path;
    static const QRegularExpression patterns(QStringLiteral("\\(([^)]*)\\)"));
    const auto m = patterns.match(filter);
    const QStringList globs = (m.hasMatch() ? m.captured(1) : filter).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString first;
    for (const QString& g : globs) {
        if (g == QLatin1String("*") || g == QLatin1String("*.*")) return path;
        if (!g.startsWith(QLatin1String("*."))) continue;
        const QString ext = g.mid(1);   // ".csv"
        if (path.endsWith(ext, Qt::CaseInsensitive)) return path;
        if (first.isEmpty()) first = ext;
    }
    if (first.isEmpty()) return path;
    // "run." does not get "run..csv"
    return (path.endsWith(QLatin1Char('.')) ? path.chopped(1) : path) + first;
}

namespace {
// "CSV (*.csv)" -> "csv"; "" for a filter that takes any file.
QString suffixOf(const QString& filter) {
    const QString probe = withFilterExtension(QStringLiteral("x"), filter);
    return probe == QLatin1String("x") ? QString() : probe.mid(2);
}
}  // namespace

QString getSavePath(QWidget* parent, const QString& caption, const QString& suggested, const QString& filters) {
    // An object, not the static function, so the dialog itself adds the suffix
    // and asks before overwriting the file that is really written.
    QFileDialog dialog(parent, caption);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setNameFilters(filters.split(QStringLiteral(";;")));
    const QFileInfo start(suggested);
    if (!suggested.isEmpty() && (start.isDir() || suggested.endsWith(QLatin1Char('/')))) dialog.setDirectory(suggested);
    else if (!suggested.isEmpty()) {
        if (start.path() != QLatin1String(".") || suggested.startsWith(QLatin1String("./"))) dialog.setDirectory(start.absolutePath());
        dialog.selectFile(start.fileName());
    }
    dialog.setDefaultSuffix(suffixOf(dialog.selectedNameFilter()));
    QObject::connect(&dialog, &QFileDialog::filterSelected, &dialog,
                     [&dialog](const QString& f) { dialog.setDefaultSuffix(suffixOf(f)); });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return {};
    return withFilterExtension(dialog.selectedFiles().front(), dialog.selectedNameFilter());
}

}  // namespace sw::views
