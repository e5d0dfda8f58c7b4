#include "views/insight/Coastline.h"

#include <QFile>

namespace sw::views {

namespace {

// GMT's multi-segment text: a '>' header line before each segment, then
// "longitude<TAB>latitude" lines.
QVector<QPolygonF> readCoastlines() {
    QVector<QPolygonF> out;
    QFile f(QStringLiteral(":/map/coastline.txt"));
    if (!f.open(QIODevice::ReadOnly)) return out;
    QPolygonF seg;
    const QByteArray all = f.readAll();
    for (const QByteArray& raw : all.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty()) continue;
        if (line.startsWith('>')) {
            if (seg.size() > 1) out.push_back(seg);
            seg.clear();
            continue;
        }
        const QList<QByteArray> xy = line.simplified().split(' ');
        if (xy.size() < 2) continue;
        bool ok1 = false, ok2 = false;
        const double lon = xy[0].toDouble(&ok1), lat = xy[1].toDouble(&ok2);
        if (ok1 && ok2) seg << QPointF(lon, lat);
    }
    if (seg.size() > 1) out.push_back(seg);
    return out;
}

}  // namespace

const QVector<QPolygonF>& coastlines() {
    static const QVector<QPolygonF> lines = readCoastlines();
    return lines;
}

}  // namespace sw::views
