#include "views/report/DiagramSheets.h"

#include <QGraphicsItem>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "planner/Analysis.h"
#include "views/ViewIds.h"
#include "views/canvas/DiagramScene.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"
#include "views/theme/Theme.h"

namespace sw::views {

namespace {

constexpr double kOverlap = 24;   // scene units two neighbouring sheets share

QString columnName(int c) {   // 0 -> A, 25 -> Z, 26 -> AA
    QString s;
    for (++c; c > 0; c = (c - 1) / 26) s.prepend(QChar('A' + (c - 1) % 26));
    return s;
}

QString percent(double scale) { return QStringLiteral("%1 %").arg(qRound(scale * 100)); }

}  // namespace

DiagramSheets::DiagramSheets(const Design& design) : doc_(std::make_unique<DesignDocument>()) {
    Project p;
    p.variants.push_back(design);
    doc_->resetProject(p);
    analysis_ = std::make_unique<LiveAnalysis>(doc_.get(), &analyzeLive);
    analysis_->recomputeNow();
    scene_ = std::make_unique<DiagramScene>(doc_.get(), analysis_.get());
    scene_->setTheme(Theme::light());
    scene_->clearSelection();
    QRectF components;
    for (QGraphicsItem* item : scene_->items()) {
        item->setCacheMode(QGraphicsItem::NoCache);   // vectors on paper, not the window's cached pixmaps
        if (item->type() != kComponentItemType) continue;
        components = components.united(item->sceneBoundingRect());
        ++components_;
    }
    // The components and the containers around them, but not the empty
    // reaches of an oversized region.
    const QRectF content = scene_->contentBounds();
    bounds_ = components.isEmpty() ? content : content.intersected(components.adjusted(-64, -64, 64, 64));
    if (!bounds_.isEmpty()) bounds_.adjust(-12, -12, 12, 12);
}

DiagramSheets::~DiagramSheets() = default;

int DiagramSheets::occupiedTiles(const QRectF& b, double scale, QSizeF area, QVector<Sheet>* out) const {
    const double stepW = std::max(1.0, area.width() / scale - 2 * kOverlap), stepH = std::max(1.0, area.height() / scale - 2 * kOverlap);
    const int cols = std::max(1, static_cast<int>(std::ceil(b.width() / stepW)));
    const int rows = std::max(1, static_cast<int>(std::ceil(b.height() / stepH)));
    const double w = b.width() / cols, h = b.height() / rows;
    // A tile is printed when a component's box reaches into it; one pass over the components.
    std::unordered_set<long long> used;
    for (QGraphicsItem* item : scene_->items()) {
        if (item->type() != kComponentItemType) continue;
        const QRectF r = item->sceneBoundingRect();
        const int c0 = std::clamp(static_cast<int>((r.left() - b.left()) / w), 0, cols - 1);
        const int c1 = std::clamp(static_cast<int>((r.right() - b.left()) / w), 0, cols - 1);
        const int r0 = std::clamp(static_cast<int>((r.top() - b.top()) / h), 0, rows - 1);
        const int r1 = std::clamp(static_cast<int>((r.bottom() - b.top()) / h), 0, rows - 1);
        for (int row = r0; row <= r1; ++row)
            for (int col = c0; col <= c1; ++col) used.insert(static_cast<long long>(row) * cols + col);
    }
    if (out) {
        out->clear();
        std::vector<long long> order(used.begin(), used.end());
        std::sort(order.begin(), order.end());   // row by row, left to right
        for (long long k : order) {
            const int row = static_cast<int>(k / cols), col = static_cast<int>(k % cols);
            const QRectF src(b.left() + col * w - kOverlap, b.top() + row * h - kOverlap, w + 2 * kOverlap, h + 2 * kOverlap);
            out->push_back({src, columnName(col) + QString::number(row + 1), col, row});
        }
        auto* self = const_cast<DiagramSheets*>(this);
        self->columns_ = cols;
        self->rows_ = rows;
        // The sheets fill their pages: the scale the grid allows, never below the one asked for.
        self->scale_ = std::max(scale, std::min(area.width() / (w + 2 * kOverlap), area.height() / (h + 2 * kOverlap)));
    }
    return static_cast<int>(used.size());
}

void DiagramSheets::plan(QSizeF portrait, QSizeF landscape) {
    sheets_.clear();
    tiled_ = false;
    columns_ = rows_ = 1;
    if (bounds_.isEmpty()) return;
    auto fit = [&](QSizeF a) { return std::min({1.0, a.width() / bounds_.width(), a.height() / bounds_.height()}); };
    const double fitP = fit(portrait), fitL = fit(landscape);
    if (std::max(fitP, fitL) >= kReadableScale) {   // one page, the orientation that draws it larger
        orientation_ = fitL >= fitP ? QPageLayout::Landscape : QPageLayout::Portrait;
        scale_ = std::max(fitP, fitL);
        sheets_.push_back({bounds_, QString(), 0, 0});
        return;
    }
    // Sheets at a readable scale, in the orientation that needs fewer of them.
    const int nP = occupiedTiles(bounds_, kReadableScale, portrait, nullptr);
    const int nL = occupiedTiles(bounds_, kReadableScale, landscape, nullptr);
    orientation_ = nL <= nP ? QPageLayout::Landscape : QPageLayout::Portrait;
    const QSizeF area = orientation_ == QPageLayout::Landscape ? landscape : portrait;
    scale_ = kReadableScale;
    // Bounded: past kMaxSheets the scale drops until the sheets fit the bound.
    while (occupiedTiles(bounds_, scale_, area, nullptr) > kMaxSheets && scale_ > 0.01) scale_ *= 0.85;
    QVector<Sheet> tiles;
    occupiedTiles(bounds_, scale_, area, &tiles);   // and raises scale_ to fill the sheets
    tiled_ = true;
    sheets_.push_back({bounds_, QString(), 0, 0});   // the overview
    sheets_ += tiles;
}

QString DiagramSheets::heading(int page) const {
    if (!tiled_) return QStringLiteral("Diagram");
    return page == 0 ? QStringLiteral("Diagram: overview") : QStringLiteral("Diagram: sheet %1").arg(sheets_[page].label);
}

QString DiagramSheets::caption(int page) const {
    if (!tiled_)
        return QStringLiteral("%1 components at %2 of the canvas's size; colours show utilisation at the peak, as in the window.")
            .arg(components_)
            .arg(percent(scale_));
    if (page == 0) {
        QString s = QStringLiteral("%1 components on %2 sheets (a %3 × %4 grid, empty sheets left out), each at %5")
                        .arg(components_)
                        .arg(sheets_.size() - 1)
                        .arg(columns_)
                        .arg(rows_)
                        .arg(percent(scale_));
        if (scale_ < kReadableScale)
            s += QStringLiteral(" — below the readable %1 to stay within %2 sheets; zoom in, the drawing is vector")
                     .arg(percent(kReadableScale))
                     .arg(kMaxSheets);
        return s + QStringLiteral(".");
    }
    const Sheet& s = sheets_[page];
    return QStringLiteral("Column %1, row %2 of the %3 × %4 grid, at %5; neighbouring sheets overlap by %6 px.")
        .arg(columnName(s.column))
        .arg(s.row + 1)
        .arg(columns_)
        .arg(rows_)
        .arg(percent(scale_))
        .arg(kOverlap);
}

void DiagramSheets::paint(QPainter& painter, int page, const QRectF& area) const {
    const Sheet& s = sheets_[page];
    const bool overview = tiled_ && page == 0;
    const double k = overview ? std::min(area.width() / s.source.width(), area.height() / s.source.height()) : scale_;
    const QRectF target(area.left() + (area.width() - s.source.width() * k) / 2, area.top(), s.source.width() * k,
                        s.source.height() * k);
    painter.save();
    painter.setClipRect(target.adjusted(-1, -1, 1, 1));
    scene_->render(&painter, target, s.source, Qt::KeepAspectRatio);
    painter.restore();
    if (!overview) return;
    // Where each sheet lies, over the whole design.
    painter.save();
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::clamp(qRound(std::min(s.source.width() / columns_, s.source.height() / rows_) * k / 3), 6, 18));
    f.setBold(true);
    painter.setFont(f);
    for (int i = 1; i < sheets_.size(); ++i) {
        const QRectF src = sheets_[i].source.adjusted(kOverlap, kOverlap, -kOverlap, -kOverlap);
        const QRectF r(target.left() + (src.left() - s.source.left()) * k, target.top() + (src.top() - s.source.top()) * k,
                       src.width() * k, src.height() * k);
        painter.setPen(QPen(QColor(0x2f, 0x7d, 0xd1, 190), 1));
        painter.setBrush(QColor(0x2f, 0x7d, 0xd1, 18));
        painter.drawRect(r);
        painter.setPen(QColor(0x1f, 0x5c, 0xa8));
        painter.drawText(r, Qt::AlignCenter, sheets_[i].label);
    }
    painter.restore();
}

}  // namespace sw::views
