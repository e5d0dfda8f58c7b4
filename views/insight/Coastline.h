// The world's coastlines for the map: GSHHG at crude resolution (LGPL),
// written by `gmt coast` at build time into a resource (docs/catalogues.md).
#pragma once

#include <QPolygonF>
#include <QVector>

namespace sw::views {

// Polylines in (longitude, latitude) degrees, read from the resource once.
const QVector<QPolygonF>& coastlines();

}  // namespace sw::views
