// The one save dialog every export and Save As goes through, so a name typed
// without an extension gets the one its filter names ("run" -> "run.csv").
#pragma once

#include <QString>

class QWidget;

namespace sw::views {

// `path` with the first extension `filter` names appended, unless it already
// ends in one of the filter's extensions or the filter takes any file ("*").
// "CSV (*.csv)" + "run" -> "run.csv"; "PDF (*.pdf)" + "r.PDF" -> "r.PDF".
QString withFilterExtension(const QString& path, const QString& filter);

// A modal save dialog starting at `suggested`; the chosen path with its
// filter's extension, or "" when cancelled. `filters` is ";;"-separated.
QString getSavePath(QWidget* parent, const QString& caption, const QString& suggested, const QString& filters);

}  // namespace sw::views
