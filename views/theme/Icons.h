// The SVG artwork of the application (resources/icons), as icons for widgets
// and as vector renderers for the canvas, so both stay crisp at any scale.
#pragma once

#include <QIcon>
#include <QString>

#include "model/Component.h"

class QSvgRenderer;

namespace sw::views {

void initResources();   // the static views library's .qrc must be registered by hand

QString kindIconPath(ComponentKind kind);
QIcon kindIcon(ComponentKind kind);
QIcon namedIcon(const QString& name);   // ":/icons/<name>.svg"
// Shared and owned by a cache that frees them when the QApplication ends;
// valid until then.
QSvgRenderer* kindRenderer(ComponentKind kind);
QSvgRenderer* namedRenderer(const QString& name);

}  // namespace sw::views
