#include "views/report/CapacityReport.h"

#include <QRegularExpression>

#include <algorithm>
#include <qcustomplot.h>

#include "model/TextFile.h"
#include "planner/Analysis.h"
#include "planner/Growth.h"
#include "views/report/GrowthChart.h"
#include "views/report/InsightCharts.h"
#include "views/report/ReportCompare.h"
#include "views/report/ReportHtml.h"
#include "views/report/ReportPages.h"
#include "views/report/ReportPlot.h"
#include "views/report/ReportPrinter.h"
#include "views/report/ReportWalkthrough.h"
#include "views/simulation/SimulationChart.h"
#include "views/theme/Theme.h"
#include "views/walkthrough/WalkthroughChart.h"

namespace sw::views {

namespace {

// Chart sizes on paper: the text's width (about 178 mm on A4), a third as tall or more.
constexpr QSizeF kWideChartMm(176, 70);
constexpr QSizeF kGrowthChartMm(176, 105);

// The section titles, in order, from the report's HTML.
QStringList headings(const QString& html) {
    static const QRegularExpression h2(QStringLiteral("<h2[^>]*>(.*?)</h2>"));
    QStringList titles;
    for (auto it = h2.globalMatch(html); it.hasNext();) titles << it.next().captured(1);
    return titles;
}

}  // namespace

CapacityReport::CapacityReport(const Design& design, const ReportOptions& options)
    : doc_(std::make_unique<QTextDocument>()), design_(design), paper_(options.paper) {
    const Analysis a = analyze(design);
    title_ = QString::fromStdString(design.name);
    Projection projection;
    if (auto p = project(design, std::clamp(options.months, 1, kMaxProjectionMonths))) projection = std::move(p).value();

    doc_->setDefaultStyleSheet(report::styleSheet());
    doc_->setDocumentMargin(0);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    doc_->setDefaultFont(font);

    // Each chart is drawn once, here, as vectors; PlotSet::add gives the HTML that stands for it.
    report::PlotSet charts;
    QString growthChart;
    if (projection.months.size() > 1) {
        QCustomPlot plot;
        report::drawGrowthChart(plot, projection);
        growthChart = charts.add(plot, kGrowthChartMm,
                                 QString::fromUtf8(report::kGrowthChartTitle) +
                                     (std::any_of(projection.runway.begin(), projection.runway.end(),
                                                  [](const TierRunway& r) { return r.runout_month >= 0; })
                                          ? QStringLiteral(" · dashed: a month a tier runs out of runway")
                                          : QString()));
    }

    const report::InsightCharts insight = report::drawInsightCharts(design, a, charts);

    QString body;
    body += report::summarySection(design, a);
    body += report::workloadSection(design, a);
    body += report::tiersSection(design, a);
    body += report::availabilitySection(design, a) + insight.availability;
    body += report::latencySection(design, a) + insight.latency + insight.map;
    body += report::replicationSection(design, a) + insight.replication;
    body += report::costSection(a) + insight.cost;
    body += report::growthSection(design, projection, growthChart);
    if (options.simulation) {
        SimulationChart chart;
        chart.setTheme(Theme::light());
        chart.reset(options.scenario, options.simulation->duration_s);
        if (!options.simulation->runs.empty()) chart.setSeries(options.simulation->runs.front().series);
        body += report::simulationSection(
            *options.simulation,
            charts.add(*chart.plot(), QSizeF(176, 95),
                       QStringLiteral("Simulated load, latency and errors over time: %1")
                           .arg(QString::fromStdString(options.simulation->scenario))));
    }
    if (options.walkthrough) {
        QCustomPlot plot;
        drawWalkTimeline(&plot, *options.walkthrough, Theme::light());
        body += report::walkthroughSection(*options.walkthrough,
                                           charts.add(plot, kWideChartMm, QString::fromUtf8(report::kWalkthroughChartTitle)));
    }
    if (options.comparison) body += report::comparisonSection(*options.comparison);
    body += report::findingsSection(a);
    body += report::methodSection();

    // The diagram's pages come after the summary, before the workload.
    QStringList contents = headings(body);
    const bool diagram = !design.components.empty() || !design.regions.empty() || !design.zones.empty();
    if (diagram && !contents.isEmpty()) {
        diagramRow_ = 1;
        contents.insert(diagramRow_, QStringLiteral("Diagram"));
    }
    doc_->setHtml(QStringLiteral("<html><body>") + report::titleBlock(design, options.sourceName) +
                  report::contentsBlock(contents) + body + QStringLiteral("</body></html>"));
    charts.install(doc_.get());
    report::registerReportObjects(doc_.get());
    report::repeatTableHeaders(*doc_);
    report::markHeadings(*doc_, diagramRow_, diagramRow_ >= 0 ? 1 : -1);
}

CapacityReport::~CapacityReport() = default;

QString CapacityReport::paperName(QPageSize::PageSizeId paper) {
    return paper == QPageSize::Letter ? QStringLiteral("Letter") : QPageSize::name(paper);
}

std::optional<QString> CapacityReport::writePdf(const QString& path, PdfInfo* info) const {
    // Only a regular file is replaced (or a new one made): never a device or a FIFO.
    if (auto problem = outputPathProblem(path.toStdString())) return QString::fromStdString(*problem);
    report::PrintRequest request;
    request.document = doc_.get();
    request.design = &design_;
    request.title = title_;
    request.paper = paper_;
    request.diagramRow = diagramRow_;
    report::PrintResult result;
    if (auto error = report::printReport(request, path, &result)) return error;
    if (info) *info = PdfInfo{result.pages, result.diagramPages};
    return std::nullopt;
}

}  // namespace sw::views
