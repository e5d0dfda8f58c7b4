#include "views/report/ReportCompare.h"
#include "views/report/CapacityReport.h"

#include <QImage>
#include <QPainter>
#include <QAbstractTextDocumentLayout>
#include <QPdfWriter>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>
#include <qcustomplot.h>

#include "model/TextFile.h"
#include "planner/Analysis.h"
#include "planner/Growth.h"
#include "views/canvas/DiagramScene.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"
#include "views/report/ReportHtml.h"
#include "views/report/ReportWalkthrough.h"
#include "views/simulation/SimulationChart.h"
#include "views/theme/Theme.h"

namespace sw::views {

namespace {

// The diagram as the canvas draws it (light theme, overlays on), at a
// resolution that prints sharply across an A4 page.
QImage renderDiagram(const Design& design) {
    DesignDocument doc;
    Project p;
    p.variants.push_back(design);
    doc.resetProject(p);
    LiveAnalysis analysis(&doc, &analyzeLive);
    analysis.recomputeNow();
    DiagramScene scene(&doc, &analysis);
    scene.setTheme(Theme::light());
    QRectF bounds = scene.contentBounds();
    if (bounds.isEmpty()) return {};
    bounds.adjust(-24, -24, 24, 24);
    const double scale = std::clamp(2400.0 / bounds.width(), 0.5, 3.0);
    QImage image(QSize(qRound(bounds.width() * scale), qRound(bounds.height() * scale)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.clearSelection();
    scene.render(&painter, QRectF(image.rect()), bounds);
    return image;
}

// Users, peak load and monthly cost over the horizon, each on its own axis.
QImage renderGrowth(const Projection& p) {
    QCustomPlot plot;
    plot.resize(960, 380);
    plot.setBackground(Qt::white);
    QVector<double> month, users, rps, cost;
    for (const ProjectionMonth& m : p.months) {
        month << m.month;
        users << m.users;
        rps << m.peak_rps;
        cost << m.cost_per_month_usd;
    }
    QCPAxisRect* r = plot.axisRect();
    r->axis(QCPAxis::atRight)->setVisible(true);
    auto* users_ = plot.addGraph();
    users_->setData(month, users);
    users_->setName(QStringLiteral("users"));
    users_->setPen(QPen(QColor(0x2f, 0x7d, 0xd1), 2));
    auto* rps_ = plot.addGraph(r->axis(QCPAxis::atBottom), r->axis(QCPAxis::atLeft));
    rps_->setData(month, rps);
    rps_->setName(QStringLiteral("peak requests/s"));
    rps_->setPen(QPen(QColor(0x3a, 0xa6, 0x76), 2, Qt::DashLine));
    auto* cost_ = plot.addGraph(r->axis(QCPAxis::atBottom), r->axis(QCPAxis::atRight));
    cost_->setData(month, cost);
    cost_->setName(QStringLiteral("USD per month (right)"));
    cost_->setPen(QPen(QColor(0xd6, 0x45, 0x45), 2));
    plot.xAxis->setLabel(QStringLiteral("month"));
    plot.yAxis->setLabel(QStringLiteral("users, requests/s"));
    plot.yAxis2->setLabel(QStringLiteral("USD per month"));
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot.yAxis->setNumberFormat(QStringLiteral("eb"));
    plot.yAxis->setNumberPrecision(0);
    plot.rescaleAxes();
    plot.yAxis2->setRangeLower(0);
    plot.yAxis2->setRangeUpper(plot.yAxis2->range().upper * 1.1);
    plot.legend->setVisible(true);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    return plot.toPixmap(960, 380, 2.0).toImage();
}

QImage renderSimulation(const sim::Report& r, const Scenario& scenario) {
    SimulationChart chart;
    chart.resize(960, 520);
    chart.reset(scenario, r.duration_s);
    if (!r.runs.empty()) chart.setSeries(r.runs.front().series);
    chart.plot()->replot();
    return chart.plot()->toPixmap(960, 520, 2.0).toImage();
}

}  // namespace

CapacityReport::CapacityReport(const Design& design, const ReportOptions& options) : doc_(std::make_unique<QTextDocument>()) {
    const Analysis a = analyze(design);
    title_ = QString::fromStdString(design.name);
    Projection projection;
    if (auto p = project(design, std::clamp(options.months, 1, kMaxProjectionMonths))) projection = std::move(p).value();

    doc_->setDefaultStyleSheet(report::styleSheet());
    doc_->setDocumentMargin(0);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    doc_->setDefaultFont(font);
    const QImage diagram = renderDiagram(design);
    if (!diagram.isNull()) doc_->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("report://diagram.png")), diagram);
    const bool growthChart = projection.months.size() > 1;
    if (growthChart) doc_->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("report://growth.png")), renderGrowth(projection));

    QString html = QStringLiteral("<html><body>");
    html += report::titleBlock(design, options.sourceName);
    if (!diagram.isNull()) {
        // Keep the diagram within the page: width-bound for wide designs, height-bound for tall ones.
        // At most ~half a page tall, so the summary stays on the first page.
        const double aspect = double(diagram.height()) / diagram.width();
        const int width = static_cast<int>(std::min(kColumn, 500 / aspect));
        html += QStringLiteral("<p align='center'><img src='report://diagram.png' width='%1'></p>").arg(width);
    }
    html += report::summarySection(design, a);
    html += report::workloadSection(design, a);
    html += report::tiersSection(design, a);
    html += report::availabilitySection(design, a);
    html += report::latencySection(design, a);
    html += report::replicationSection(a);
    html += report::costSection(a);
    html += report::growthSection(design, projection, growthChart);
    if (options.simulation) {
        doc_->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("report://simulation.png")),
                          renderSimulation(*options.simulation, options.scenario));
        html += report::simulationSection(*options.simulation);
    }
    if (options.walkthrough) {
        doc_->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("report://walkthrough.png")),
                          report::renderWalkthrough(*options.walkthrough));
        html += report::walkthroughSection(*options.walkthrough);
    }
    if (options.comparison) html += report::comparisonSection(*options.comparison);
    html += report::findingsSection(a);
    html += report::methodSection();
    html += QStringLiteral("</body></html>");
    doc_->setHtml(html);
}

CapacityReport::~CapacityReport() = default;

std::optional<QString> CapacityReport::writePdf(const QString& path, int* pageCount) const {
    // Only a regular file is replaced (or a new one made): never a device or a FIFO.
    if (auto problem = outputPathProblem(path.toStdString())) return QString::fromStdString(*problem);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(16, 14, 16, 12), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(title_);
        writer.setCreator(QStringLiteral("Scalewright"));
        // Lay the text out on a column of kColumn units (about A4's text width
        // at 96 units an inch) and scale each page onto the paper.
        const QRect paper = writer.pageLayout().paintRectPixels(writer.resolution());
        const double scale = paper.width() / kColumn;
        const double footer = 22;
        const double pageHeight = paper.height() / scale - footer;
        std::unique_ptr<QTextDocument> d(doc_->clone());
        d->setPageSize(QSizeF(kColumn, pageHeight));
        const int pages = d->pageCount();
        if (pageCount) *pageCount = pages;
        QPainter painter(&writer);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        for (int page = 0; page < pages; ++page) {
            if (page > 0) writer.newPage();
            painter.save();
            painter.scale(scale, scale);
            painter.save();
            painter.translate(0, -page * pageHeight);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, page * pageHeight, kColumn, pageHeight);
            painter.setClipRect(context.clip);
            context.palette.setColor(QPalette::Text, QColor(0x1f, 0x29, 0x33));
            d->documentLayout()->draw(&painter, context);
            painter.restore();
            QFont f(QStringLiteral("DejaVu Sans"));
            f.setPixelSize(9);   // document units: the painter scales them onto the page
            painter.setFont(f);
            painter.setPen(QColor(0x9a, 0xa5, 0xb1));
            const QRectF foot(0, pageHeight + 6, kColumn, footer - 6);
            painter.drawLine(QPointF(0, pageHeight + 4), QPointF(kColumn, pageHeight + 4));
            painter.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("Scalewright capacity report · %1").arg(title_));
            painter.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1 / %2").arg(page + 1).arg(pages));
            painter.restore();
        }
        if (!painter.end()) return QStringLiteral("cannot write %1: the PDF could not be finished").arg(path);
    }
    if (!file.commit()) return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return std::nullopt;
}

}  // namespace sw::views
