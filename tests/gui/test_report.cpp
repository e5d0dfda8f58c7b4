// The capacity report: its text carries the engine's own figures, the PDF
// is a whole, paginated A4 document written in one go, and the `report`
// verb refuses bad options with a message naming them.
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "model/JsonFormat.h"
#include "planner/Analysis.h"
#include "planner/Growth.h"
#include "tests/support/RunScalewright.h"
#include "planner/whatif/WhatIf.h"
#include "views/canvas/Format.h"
#include "views/compare/FigureText.h"
#include "views/report/CapacityReport.h"
#include "views/report/FailoverGroupText.h"

using namespace sw;

class TestReport : public QObject {
    Q_OBJECT

    static Project sample(const char* name) {
        auto p = readProjectJsonFile(std::string(SW_SAMPLES_DIR) + "/" + name);
        if (!p) qFatal("%s", p.error().c_str());
        return std::move(p).value();
    }
    static QByteArray readAll(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static int pdfPages(const QByteArray& pdf) {
        return static_cast<int>(QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]"))));
    }

private slots:
    void textCarriesTheEngineFigures() {
        const Project p = sample("stage-05-caching-layer.json");
        const Design& d = p.variants.front();
        views::ReportOptions o;
        o.months = 12;
        const views::CapacityReport report(d, o);
        const QString text = report.plainText();
        const Analysis a = analyze(d);
        QVERIFY(text.contains(QString::fromStdString(d.name)));
        QVERIFY(text.contains(views::formatMoney(a.summary.cost_per_month_usd)));
        QVERIFY(text.contains(views::formatAvailability(a.summary.availability.availability)));
        QVERIFY(text.contains(views::formatMs(a.summary.p95_ms)));
        QVERIFY(text.contains(views::formatMoney(a.cost.total)));
        // Every tier has a row with its load and utilisation.
        for (std::size_t i = 0; i < d.components.size(); ++i) {
            if (d.components[i].kind == ComponentKind::UserGroup) continue;
            QVERIFY2(text.contains(views::formatCount(a.components[i].load_rps)), d.components[i].id.c_str());
        }
        // The growth table ends at the horizon with the projection's users.
        auto proj = project(d, 12);
        QVERIFY(proj);
        QVERIFY(text.contains(views::formatCount(proj.value().months.back().users)));
        for (const Finding& f : a.findings) QVERIFY2(text.contains(QString::fromStdString(f.message)), f.message.c_str());
    }

    void comparisonSectionCarriesTheEnginesDeltas() {
        const Project p = sample("stage-05-caching-layer.json");
        QVERIFY(p.variants.size() >= 2);
        views::ReportOptions o;
        o.months = 12;
        auto c = whatif::compare(p);
        QVERIFY(c.ok());
        o.comparison = c.value();
        const QString text = views::CapacityReport(p.variants.front(), o).plainText();
        QVERIFY(text.contains("Variants compared"));
        // The cost delta of the second variant, and its diff: the caches it removed.
        QVERIFY(text.contains(views::deltaShort(c->figures[0], c->deltas[1].figures[0])));
        for (const std::string& id : c->deltas[1].diff.components_removed)
            QVERIFY2(text.contains(QString::fromStdString("− component " + id)), id.c_str());
        // Without a comparison, no such section.
        QVERIFY(!views::CapacityReport(p.variants.front(), views::ReportOptions{}).plainText().contains("Variants compared"));
        // `report` adds it by itself for a project with two variants, and refuses an unknown one.
        QTemporaryDir dir;
        const QString pdf = dir.filePath("r.pdf");
        QCOMPARE(sw::testing::runScalewright({"report", SW_SAMPLES_DIR "/stage-05-caching-layer.json", "-o", pdf}).code, 0);
        QCOMPARE(sw::testing::runScalewright({"report", SW_SAMPLES_DIR "/stage-05-caching-layer.json", "-o", pdf,
                                              "--compare", "Nope"}).code, 2);
    }

    void findingsAreTheAnalysisList() {
        // The one list validate and the window show, runway warnings included,
        // each exactly once (not the analysis' plus the projection's).
        const Project p = sample("planet-scale-3-region.json");
        const Design& d = p.variants.front();
        views::ReportOptions o;
        o.months = 36;
        const QString text = views::CapacityReport(d, o).plainText();
        const std::vector<Finding> all = designFindings(d);
        int runway = 0;
        for (const Finding& f : all) {
            QCOMPARE(text.count(QString::fromStdString(f.message)), 1);
            runway += f.code == "runway";
        }
        QVERIFY(runway > 0);
    }

    void saturatedSummaryShowsNoLatency() {
        Project p = sample("stage-03-load-balancer.json");
        Design& d = p.variants.front();
        d.workload.users *= 50;
        const Analysis a = analyze(d);
        QVERIFY(a.summary.saturated);
        const QString text = views::CapacityReport(d, views::ReportOptions{}).plainText();
        QVERIFY2(text.contains("no finite latency"), qPrintable(text.left(2000)));
        // Each saturated tier is named in the summary.
        for (const std::string& id : a.summary.saturated_tiers) {
            const Component* c = d.findComponent(id);
            QVERIFY(c && text.contains(QString::fromStdString(c->name)));
        }
    }

    void failoverGroupIsOneLine() {
        // Stage 4: the primary and its two promotable replicas as one line,
        // with the engine's figures (3 x 10 s checks + 120 s + 30 s = 180 s);
        // the Birnbaum rows are the engine's importance_shown, each with the
        // downtime it causes.
        const Project p = sample("stage-04-replication.json");
        const Design& d = p.variants.front();
        views::ReportOptions o;
        o.months = 1;
        const QString text = views::CapacityReport(d, o).plainText();
        const Analysis a = analyze(d);
        QCOMPARE(a.summary.availability.failover_groups.size(), std::size_t{1});
        const FailoverGroupResult& g = a.summary.availability.failover_groups[0];
        QCOMPARE(g.failover_s_per_event, 180.0);
        const QString line = views::failoverGroupLine(g, QString::fromStdString(d.findComponent(g.primary)->name));
        QVERIFY(line.contains(QStringLiteral("+ 2 replicas: ")));
        QVERIFY(line.contains(views::formatAvailability(g.availability).replace(QStringLiteral(" %"), QStringLiteral("\u00a0%"))));
        QVERIFY(line.contains(QStringLiteral("failover 180 s per event")));
        // The plain text of the report turns the no-break space back into a space.
        QVERIFY2(text.contains(QString(line).replace(QChar(0xa0), QLatin1Char(' '))), qPrintable(line));
        QVERIFY(!a.summary.availability.importance_shown.empty());
        for (const ImportanceShare& x : a.summary.availability.importance_shown)
            QVERIFY(x.importance > 0.01 * a.summary.availability.importance_shown.front().importance);
        QVERIFY(text.contains(QStringLiteral("min/year")));
    }

    void pdfIsWholeAndPaginated() {
        const Project p = sample("planet-scale-3-region.json");
        const views::CapacityReport report(p.variants.front(), {});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("planet.pdf"));
        QVERIFY(!report.writePdf(path).has_value());
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        QVERIFY2(pdfPages(pdf) >= 4, qPrintable(QString::number(pdfPages(pdf))));
        QVERIFY(pdf.contains("/MediaBox [0 0 595.000000 842.000000]"));   // A4 in points
        // A path that cannot be written: an error, and nothing left behind.
        const QString bad = dir.filePath(QStringLiteral("missing/planet.pdf"));
        const auto error = report.writePdf(bad);
        QVERIFY(error.has_value());
        QVERIFY(error->contains(QStringLiteral("cannot write")));
        QVERIFY(!QFile::exists(bad));
    }

    void reportVerb() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("r.pdf"));
        const QString sample3 = QStringLiteral(SW_SAMPLES_DIR "/stage-03-load-balancer.json");
        auto ok = testing::runScalewright({QStringLiteral("report"), sample3, QStringLiteral("-o"), out});
        QCOMPARE(ok.code, 0);
        QVERIFY(readAll(out).startsWith("%PDF-"));
        auto months = testing::runScalewright({QStringLiteral("report"), sample3, QStringLiteral("-o"), out,
                                               QStringLiteral("--months"), QStringLiteral("99")});
        QCOMPARE(months.code, 2);
        QVERIFY(months.err.contains("--months wants a whole number from 1 to 60, not '99'"));
        auto noOut = testing::runScalewright({QStringLiteral("report"), sample3});
        QCOMPARE(noOut.code, 2);
        QVERIFY(noOut.err.contains("-o OUT.pdf is required"));
        auto scenario = testing::runScalewright({QStringLiteral("report"), sample3, QStringLiteral("-o"), out,
                                                 QStringLiteral("--simulate"), QStringLiteral("nope")});
        QCOMPARE(scenario.code, 2);
        QVERIFY(scenario.err.contains("no scenario 'nope'"));
    }
};

QTEST_MAIN(TestReport)
#include "test_report.moc"
