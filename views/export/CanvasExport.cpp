#include "views/export/CanvasExport.h"

#include <QBuffer>
#include <QGraphicsItem>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSvgGenerator>

#include <cmath>

#include "model/PrintableText.h"
#include "planner/Analysis.h"
#include "views/canvas/DiagramScene.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"
#include "views/theme/Theme.h"

namespace sw::views {

namespace {

// Names drawn as they are printed (sw::printable): a control character in a
// name is no character XML 1.0 allows, so QSvgGenerator would write an SVG no
// reader opens; the escape shows instead ("line\nbreak").
Design printableNames(Design d) {
    d.name = printable(d.name);
    for (Region& r : d.regions) r.name = printable(r.name);
    for (Zone& z : d.zones) z.name = printable(z.name);
    for (Component& c : d.components) c.name = printable(c.name);
    return d;
}

}  // namespace

CanvasExport::CanvasExport(const Design& design) : doc_(std::make_unique<DesignDocument>()) {
    Project p;
    p.variants.push_back(printableNames(design));
    doc_->resetProject(p);
    analysis_ = std::make_unique<LiveAnalysis>(doc_.get(), &analyzeLive);
    analysis_->recomputeNow();
    scene_ = std::make_unique<DiagramScene>(doc_.get(), analysis_.get());
    scene_->setTheme(Theme::light());
    scene_->clearSelection();
    for (QGraphicsItem* item : scene_->items()) item->setCacheMode(QGraphicsItem::NoCache);   // vectors, not cached pixmaps
    bounds_ = scene_->contentBounds();
    if (bounds_.isEmpty()) bounds_ = QRectF(0, 0, 320, 200);
    bounds_.adjust(-16, -16, 16, 16);
}

CanvasExport::~CanvasExport() = default;

std::optional<QString> CanvasExport::png(int dpi, QByteArray* out) const {
    if (dpi < kMinDpi || dpi > kMaxDpi) return QStringLiteral("DPI %1 is outside %2-%3").arg(dpi).arg(kMinDpi).arg(kMaxDpi);
    const double scale = dpi / 96.0;
    const double w = std::ceil(bounds_.width() * scale), h = std::ceil(bounds_.height() * scale);
    if (w * h > kMaxPixels)
        return QStringLiteral("%1 x %2 pixels at %3 DPI is more than %4 million; choose a lower DPI")
            .arg(w, 0, 'f', 0).arg(h, 0, 'f', 0).arg(dpi).arg(kMaxPixels / 1e6, 0, 'f', 0);
    QImage image(static_cast<int>(w), static_cast<int>(h), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) return QStringLiteral("not enough memory for a %1 x %2 image").arg(w, 0, 'f', 0).arg(h, 0, 'f', 0);
    image.fill(Qt::white);
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        scene_->render(&painter, QRectF(0, 0, w, h), bounds_);
    }
    QBuffer buffer(out);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) return QStringLiteral("the PNG could not be encoded");
    return std::nullopt;
}

std::optional<QString> CanvasExport::svg(QByteArray* out) const {
    QBuffer buffer(out);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator gen;
    gen.setOutputDevice(&buffer);
    gen.setSize(bounds_.size().toSize());
    gen.setViewBox(QRectF(QPointF(0, 0), bounds_.size()));
    gen.setResolution(96);
    gen.setTitle(QString::fromStdString(doc_->design().name));
    gen.setDescription(QStringLiteral("Scalewright canvas"));
    QPainter painter;
    if (!painter.begin(&gen)) return QStringLiteral("the SVG could not be started");
    painter.setRenderHint(QPainter::Antialiasing);
    scene_->render(&painter, QRectF(QPointF(0, 0), bounds_.size()), bounds_);
    painter.end();
    return std::nullopt;
}

std::optional<QString> CanvasExport::pdf(QByteArray* out) const {
    QBuffer buffer(out);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setCreator(QStringLiteral("Scalewright"));
    writer.setTitle(QString::fromStdString(doc_->design().name));
    writer.setResolution(96);
    // One page the size of the drawing (points, 72 an inch).
    writer.setPageSize(QPageSize(bounds_.size() * 72.0 / 96.0, QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&writer)) return QStringLiteral("the PDF could not be started");
    painter.setRenderHint(QPainter::Antialiasing);
    scene_->render(&painter, QRectF(QPointF(0, 0), bounds_.size()), bounds_);
    painter.end();
    return std::nullopt;
}

void CanvasExport::print(QPrinter& printer) const {
    QPainter painter;
    if (!painter.begin(&printer)) return;
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF page = printer.pageLayout().paintRectPixels(printer.resolution());
    scene_->render(&painter, QRectF(QPointF(0, 0), page.size()), bounds_, Qt::KeepAspectRatio);
    painter.end();
}

}  // namespace sw::views
