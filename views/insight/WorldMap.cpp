#include "views/insight/WorldMap.h"

#include <QLocale>

#include <qcustomplot.h>

#include <algorithm>
#include <climits>
#include <cmath>

#include "views/canvas/Format.h"
#include "views/compare/FigureText.h"
#include "views/insight/Coastline.h"
#include "views/insight/LatencyScale.h"
#include "views/theme/PlotTheme.h"

namespace sw::views {

namespace {

constexpr double kSouth = -58, kNorth = 82;   // Antarctica and the Arctic ice left out

// A line between two longitudes the short way round: across the antimeridian
// when that is shorter, drawn as two pieces leaving and entering the edges.
std::vector<std::pair<QPointF, QPointF>> shortWay(QPointF a, QPointF b) {
    if (std::abs(b.x() - a.x()) <= 180) return {{a, b}};
    if (a.x() > b.x()) std::swap(a, b);   // a west, b east: go west from a
    const double span = a.x() + 360 - b.x();
    const double t = (a.x() + 180) / span;
    const double yEdge = a.y() + (b.y() - a.y()) * t;
    return {{a, QPointF(-180, yEdge)}, {QPointF(180, yEdge), b}};
}

double segmentDistance(const QPointF& p, const QPointF& a, const QPointF& b) {
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = a + d * t - p;
    return std::hypot(q.x(), q.y());
}

}  // namespace

// The land and the routes, drawn under the markers in one pass each.
class MapLayer : public QCPLayerable {
public:
    MapLayer(QCustomPlot* plot, WorldMap* owner) : QCPLayerable(plot, QStringLiteral("grid")), owner_(owner) {}

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override { painter->setRenderHint(QPainter::Antialiasing); }
    QRect clipRect() const override { return mParentPlot->axisRect()->rect(); }
    void draw(QCPPainter* painter) override {
        const WorldMap& m = *owner_;
        const Theme& t = m.theme_;
        auto px = [&](const QPointF& lonLat) { return m.pixelOf(lonLat.y(), lonLat.x()); };
        // GMT dumps the shorelines bin by bin: open pieces, so outlines only.
        painter->setPen(QPen(t.dark ? QColor("#5b6678") : QColor("#8d9ab0"), 1.0));
        painter->setBrush(Qt::NoBrush);
        for (const QPolygonF& line : coastlines()) {
            QPolygonF p;
            p.reserve(line.size());
            for (const QPointF& v : line) p << px(v);
            painter->drawPolyline(p);
        }
        const LatencyMap& g = m.geo_;
        auto place = [&](const MapPlace& p) { return QPointF(p.longitude, p.latitude); };
        auto stroke = [&](const MapPair& pr, QPointF a, QPointF b, double width, Qt::PenStyle style) {
            painter->setPen(QPen(latencyColour(pr.rtt_ms, m.top_, t), width, style, Qt::RoundCap));
            for (const auto& [s, e] : shortWay(a, b)) painter->drawLine(px(s), px(e));
        };
        for (const MapPair& pr : g.user_routes)
            if (pr.served)
                stroke(pr, place(g.user_groups[static_cast<std::size_t>(pr.from)]), place(g.regions[static_cast<std::size_t>(pr.to)]),
                       m.highlighted(g.user_groups[static_cast<std::size_t>(pr.from)].id) ? 3.0 : 1.4, Qt::DashLine);
        for (const MapPair& pr : g.region_links) {
            const bool hl = m.highlighted(g.regions[static_cast<std::size_t>(pr.from)].id) ||
                            m.highlighted(g.regions[static_cast<std::size_t>(pr.to)].id);
            stroke(pr, place(g.regions[static_cast<std::size_t>(pr.from)]), place(g.regions[static_cast<std::size_t>(pr.to)]),
                   hl ? 4.0 : 2.6, Qt::SolidLine);
        }
    }

private:
    WorldMap* owner_;
};

WorldMap::WorldMap(QWidget* parent)
    : InsightView(tr("World map"), parent), regions_(plot()->addGraph()), users_(plot()->addGraph()) {
    new MapLayer(plot(), this);
    for (QCPGraph* g : {regions_, users_}) g->setLineStyle(QCPGraph::lsNone);
    regions_->setName(tr("Regions"));
    users_->setName(tr("User groups"));
    for (QCPAxis* a : {plot()->xAxis, plot()->yAxis}) {
        a->setTickLabels(false);
        a->setTicks(false);
        a->setVisible(true);
        a->setBasePen(Qt::NoPen);
        a->setTicker(QSharedPointer<QCPAxisTickerFixed>::create());
        qSharedPointerCast<QCPAxisTickerFixed>(a->ticker())->setTickStep(30);
    }
    plot()->axisRect()->setAutoMargins(QCP::msNone);
    plot()->axisRect()->setMargins(QMargins(2, 2, 2, 2));
    // The projection follows the plot's size: refitted whenever its layout is.
    connect(plot(), &QCustomPlot::afterLayout, this, &WorldMap::fitProjection);
}

void WorldMap::setAnalysis(const Design& design, const Analysis& analysis) {
    geo_ = latencyMap(design, analysis);
    double largest = 0;
    for (const MapPair& p : geo_.region_links) largest = std::max(largest, p.rtt_ms);
    for (const MapPair& p : geo_.user_routes)
        if (p.served) largest = std::max(largest, p.rtt_ms);
    top_ = latencyScaleTop(largest);
    rebuild();
}

void WorldMap::fitProjection() {
    // Equirectangular: one degree of longitude and of latitude take the same
    // number of pixels; the whole band fits, centred.
    const QRect r = plot()->axisRect()->rect();
    const double w = std::max(1, r.width()), h = std::max(1, r.height());
    const double perDeg = std::min(w / 360.0, h / (kNorth - kSouth));
    const double halfLon = w / perDeg / 2, halfLat = h / perDeg / 2, midLat = (kNorth + kSouth) / 2;
    plot()->xAxis->setRange(-halfLon, halfLon);
    plot()->yAxis->setRange(midLat - halfLat, midLat + halfLat);
}

QPointF WorldMap::pixelOf(double latitude, double longitude) const {
    return {plot()->xAxis->coordToPixel(longitude), plot()->yAxis->coordToPixel(latitude)};
}

void WorldMap::rebuild() {
    applyPlotTheme(plot(), theme_);
    for (QCPAxis* a : {plot()->xAxis, plot()->yAxis}) a->setBasePen(Qt::NoPen);
    plot()->setBackground(theme_.dark ? QColor("#171b22") : QColor("#f8fafc"));
    QVector<double> x, y;
    for (const MapPlace& p : geo_.regions) x << p.longitude, y << p.latitude;
    regions_->setData(x, y, true);
    x.clear();
    y.clear();
    for (const MapPlace& p : geo_.user_groups) x << p.longitude, y << p.latitude;
    users_->setData(x, y, true);
    QCPScatterStyle rs(QCPScatterStyle::ssCircle, QPen(theme_.dark ? QColor("#e6e9ef") : QColor("#1b2330"), 2), theme_.accent, 11);
    regions_->setScatterStyle(rs);
    users_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(theme_.nodeText, 1.2), theme_.bottleneck, 9));
    plot()->clearItems();
    auto label = [&](const MapPlace& p, bool region) {
        auto* t = new QCPItemText(plot());
        t->position->setCoords(p.longitude, p.latitude);
        t->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        t->setPadding(QMargins(region ? 9 : 7, 0, 2, 0));
        t->setText(elideMiddle(QString::fromStdString(p.name), 20));
        QFont f = plot()->font();
        f.setPointSizeF(region ? 8.5 : 7.5);
        f.setBold(highlighted(p.id));
        t->setFont(f);
        t->setColor(highlighted(p.id) ? theme_.selection : region ? theme_.nodeText : theme_.nodeMuted);
        t->setClipToAxisRect(true);
    };
    for (const MapPlace& p : geo_.regions) label(p, true);
    if (geo_.user_groups.size() <= 12)
        for (const MapPlace& p : geo_.user_groups) label(p, false);
    for (const MapPlace& p : geo_.regions)
        if (highlighted(p.id)) {
            auto* ring = new QCPItemEllipse(plot());
            const QPointF c = pixelOf(p.latitude, p.longitude);
            ring->topLeft->setType(QCPItemPosition::ptAbsolute);
            ring->bottomRight->setType(QCPItemPosition::ptAbsolute);
            ring->topLeft->setCoords(c.x() - 10, c.y() - 10);
            ring->bottomRight->setCoords(c.x() + 10, c.y() + 10);
            ring->setPen(QPen(theme_.selection, 2.5));
        }
    fitProjection();
    setCaption(geo_.regions.empty() ? tr("No regions in this design.")
                                    : tr("Lines coloured by round trip, green 0 ms to red %1: solid region ↔ region, dashed "
                                         "users → the region serving them. Hover a line for its distance, floor and RTT.")
                                          .arg(formatMs(top_)));
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

int WorldMap::placeAt(const QPointF& pixel) const {
    double best = 12;
    int found = INT_MIN;
    for (std::size_t i = 0; i < geo_.regions.size(); ++i) {
        const QPointF d = pixelOf(geo_.regions[i].latitude, geo_.regions[i].longitude) - pixel;
        if (const double dist = std::hypot(d.x(), d.y()); dist < best) best = dist, found = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < geo_.user_groups.size(); ++i) {
        const QPointF d = pixelOf(geo_.user_groups[i].latitude, geo_.user_groups[i].longitude) - pixel;
        if (const double dist = std::hypot(d.x(), d.y()); dist < best) best = dist, found = -1 - static_cast<int>(i);
    }
    return found;
}

const MapPair* WorldMap::lineAt(const QPointF& pixel, bool* user) const {
    double best = 6;
    const MapPair* found = nullptr;
    auto test = [&](const MapPair& pr, const MapPlace& a, const MapPlace& b, bool isUser) {
        for (const auto& [s, e] : shortWay(QPointF(a.longitude, a.latitude), QPointF(b.longitude, b.latitude))) {
            const double d = segmentDistance(pixel, pixelOf(s.y(), s.x()), pixelOf(e.y(), e.x()));
            if (d < best) best = d, found = &pr, *user = isUser;
        }
    };
    for (const MapPair& pr : geo_.region_links)
        test(pr, geo_.regions[static_cast<std::size_t>(pr.from)], geo_.regions[static_cast<std::size_t>(pr.to)], false);
    for (const MapPair& pr : geo_.user_routes)
        if (pr.served)
            test(pr, geo_.user_groups[static_cast<std::size_t>(pr.from)], geo_.regions[static_cast<std::size_t>(pr.to)], true);
    return found;
}

QString WorldMap::tooltipAt(const QPointF& pixel) const {
    const int p = placeAt(pixel);
    auto coords = [](const MapPlace& m) {
        return QStringLiteral("%1°%2, %3°%4")
            .arg(std::abs(m.latitude), 0, 'f', 2).arg(m.latitude >= 0 ? 'N' : 'S')
            .arg(std::abs(m.longitude), 0, 'f', 2).arg(m.longitude >= 0 ? 'E' : 'W');
    };
    if (p >= 0) {
        const MapPlace& m = geo_.regions[static_cast<std::size_t>(p)];
        return tr("Region %1\n%2").arg(QString::fromStdString(m.name), coords(m));
    }
    if (p != INT_MIN) {
        const std::size_t u = static_cast<std::size_t>(-1 - p);
        const MapPlace& m = geo_.user_groups[u];
        QString tip = tr("Users %1\n%2").arg(QString::fromStdString(m.name), coords(m));
        for (const MapPair& pr : geo_.user_routes)
            if (pr.served && static_cast<std::size_t>(pr.from) == u)
                tip += tr("\nserved from %1, RTT %2")
                           .arg(QString::fromStdString(geo_.regions[static_cast<std::size_t>(pr.to)].name), formatMs(pr.rtt_ms));
        return tip;
    }
    bool user = false;
    const MapPair* pr = lineAt(pixel, &user);
    if (!pr) return {};
    const QString from = QString::fromStdString((user ? geo_.user_groups : geo_.regions)[static_cast<std::size_t>(pr->from)].name);
    const QString to = QString::fromStdString(geo_.regions[static_cast<std::size_t>(pr->to)].name);
    const QString source = pr->source == LatencyMatrix::Source::Measured ? tr("measured")
                           : pr->source == LatencyMatrix::Source::Override ? tr("overridden")
                                                                           : tr("modelled");
    return tr("%1 %2 %3\n%4 km great circle\nfibre floor %5 · RTT %6 (%7)")
        .arg(from, user ? QStringLiteral("→") : QStringLiteral("↔"), to, formatCount(std::round(pr->distance_km)),
             formatMs(pr->floor_ms), formatMs(pr->rtt_ms), source);
}

CanvasTarget WorldMap::targetAt(const QPointF& pixel) const {
    const int p = placeAt(pixel);
    if (p >= 0) return {CanvasTarget::Kind::Region, QString::fromStdString(geo_.regions[static_cast<std::size_t>(p)].id)};
    if (p != INT_MIN)
        return {CanvasTarget::Kind::Component, QString::fromStdString(geo_.user_groups[static_cast<std::size_t>(-1 - p)].id)};
    return {};
}

}  // namespace sw::views
