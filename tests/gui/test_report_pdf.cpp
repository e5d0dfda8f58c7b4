// The capacity report as printed, read back with poppler (pdftotext,
// pdfinfo, pdfimages) rather than through our own layout: the planet
// report's text carries every chart's title and the figures `analyze --json`
// gives; the charts and the diagram are vectors (no image in the PDF); the
// paper is what --paper asked for; no heading ends a page; the contents'
// page numbers are the pages the headings are on; a 400-component design
// prints a multi-page diagram whose sheets name the components.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include "model/JsonFormat.h"
#include "tests/support/RunScalewright.h"
#include "tests/support/TestDesigns.h"
#include "views/canvas/Format.h"
#include "views/report/CapacityReport.h"
#include "views/report/GrowthChart.h"
#include "views/report/ReportWalkthrough.h"

using namespace sw;

namespace {

QString tool(const QStringList& args) {
    QProcess p;
    p.start(args.front(), args.mid(1));
    if (!p.waitForFinished(120000) || p.exitCode() != 0) qFatal("%s failed: %s", qPrintable(args.join(' ')), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}

// pdfinfo's "Key:   value" line.
QString pdfInfo(const QString& pdf, const QString& key) {
    const QRegularExpression line(QStringLiteral("^%1:\\s+(.*)$").arg(QRegularExpression::escape(key)), QRegularExpression::MultilineOption);
    return line.match(tool({"pdfinfo", pdf})).captured(1).trimmed();
}

// One word as pdftotext -bbox places it (points, from the page's top).
struct Word {
    double x0, y0, x1, y1;
    QString text;
    double height() const { return y1 - y0; }
};
using Page = std::vector<Word>;

std::vector<Page> words(const QString& pdf) {
    const QString html = tool({"pdftotext", "-bbox", pdf, "-"});
    static const QRegularExpression page(QStringLiteral("<page [^>]*>(.*?)</page>"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression word(QStringLiteral(
        "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>"));
    std::vector<Page> pages;
    for (auto p = page.globalMatch(html); p.hasNext();) {
        Page words;
        const QString body = p.next().captured(1);
        for (auto w = word.globalMatch(body); w.hasNext();) {
            const auto m = w.next();
            QTextDocument unescape;
            unescape.setHtml(m.captured(5));
            words.push_back({m.captured(1).toDouble(), m.captured(2).toDouble(), m.captured(3).toDouble(),
                             m.captured(4).toDouble(), unescape.toPlainText()});
        }
        pages.push_back(std::move(words));
    }
    return pages;
}

// Words of a page grouped into lines (same top, within a point), top to bottom.
std::vector<std::pair<double, QString>> lines(const Page& page, double minHeight = 0, double maxHeight = 1e9) {
    std::map<int, QString> byTop;
    for (const Word& w : page) {
        if (w.height() < minHeight || w.height() > maxHeight) continue;
        QString& line = byTop[qRound(w.y0)];
        line += (line.isEmpty() ? "" : " ") + w.text;
    }
    std::vector<std::pair<double, QString>> out;
    for (const auto& [y, text] : byTop) out.emplace_back(y, text);
    return out;
}

}  // namespace

class TestReportPdf : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString planet_;   // the planet report, A4, written once by the command line

    static double headingHeight() { return 14.0; }   // h2 at 13 pt: ~15 pt boxes; body text 9 pt: ~11

private slots:
    void initTestCase() {
        planet_ = dir_.filePath("planet.pdf");
        const auto r = testing::runScalewright({"report", SW_SAMPLES_DIR "/planet-scale-3-region.json", "-o", planet_, "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j["paper"].toString(), QStringLiteral("A4"));
        QVERIFY(j["diagram_pages"].toInt() >= 1);
        QCOMPARE(pdfInfo(planet_, "Pages").toInt(), j["pages"].toInt());
    }

    void textCarriesTheChartsAndTheEnginesFigures() {
        const QString text = tool({"pdftotext", planet_, "-"});
        QVERIFY(text.contains(QString::fromUtf8(views::report::kGrowthChartTitle)));
        // The window's insight charts, each under its title.
        const QString oneLine = QString(text).replace('\n', ' ');
        for (const char* title : {"Latency heatmap (round trips, ms)", "World map: regions, user groups and their round trips",
                                  "Cost split by category and by region", "Availability: nines, weakest parts, error budget",
                                  "Replication lag against write rate"})
            QVERIFY2(oneLine.contains(title), title);
        // The growth chart's own axis titles: one quantity per axis.
        for (const char* axis : {"users", "peak requests/s", "USD per month", "month"}) QVERIFY2(text.contains(axis), axis);
        const auto a = testing::runScalewright({"analyze", SW_SAMPLES_DIR "/planet-scale-3-region.json", "--json"});
        QCOMPARE(a.code, 0);
        const QJsonObject j = QJsonDocument::fromJson(a.out).object();
        const QJsonObject s = j["summary"].toObject(), cost = j["cost"].toObject();
        const QString flat = QString(text).replace('\n', ' ');
        for (const QString& figure : {views::formatMoney(s["cost_per_month_usd"].toDouble()),
                                      views::formatAvailability(s["availability"].toDouble()),
                                      views::formatMs(s["p95_ms_user_weighted"].toDouble()),
                                      views::formatCount(s["peak_rps"].toDouble()),
                                      views::formatMoney(cost["compute_usd"].toDouble()),
                                      views::formatMoney(cost["total_usd"].toDouble())})
            QVERIFY2(flat.contains(figure), qPrintable(figure));
        const QJsonArray components = j["components"].toArray();
        QVERIFY(components.size() > 10);
        for (const QJsonValue& c : components) {
            const QJsonObject o = c.toObject();
            if (o["kind"].toString() == QLatin1String("user_group")) continue;
            QVERIFY2(flat.contains(views::formatCount(o["load_rps"].toDouble())), qPrintable(o["id"].toString()));
        }
    }

    void chartsAndDiagramAreVectors() {
        // pdfimages lists every raster image: a header and a rule, no rows.
        const QStringList rows = tool({"pdfimages", "-list", planet_}).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 2);
        // With a walkthrough its timeline chart is in too, still as vectors.
        const QString walk = dir_.filePath("walk.pdf");
        QCOMPARE(testing::runScalewright({"report", SW_SAMPLES_DIR "/stage-03-load-balancer.json", "--walkthrough", "-o", walk}).code, 0);
        QVERIFY(tool({"pdftotext", walk, "-"}).contains(QString::fromUtf8(views::report::kWalkthroughChartTitle)));
        QCOMPARE(tool({"pdfimages", "-list", walk}).split('\n', Qt::SkipEmptyParts).size(), 2);
    }

    void paperSizes() {
        const QString letter = dir_.filePath("letter.pdf");
        const auto r = testing::runScalewright({"report", SW_SAMPLES_DIR "/planet-scale-3-region.json", "-o", letter, "--paper", "letter"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("Letter pages"), r.out.constData());
        // Portrait text pages: 612 x 792 pt is US Letter, 595 x 842 pt A4 (pdfinfo prints the first page's).
        QCOMPARE(pdfInfo(letter, "Page size"), QStringLiteral("612 x 792 pts (letter)"));
        QCOMPARE(pdfInfo(planet_, "Page size"), QStringLiteral("595 x 842 pts (A4)"));
        const auto bad = testing::runScalewright({"report", SW_SAMPLES_DIR "/planet-scale-3-region.json", "-o", letter, "--paper", "a5"});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("--paper wants a4 or letter, not 'a5'"));
    }

    void noHeadingEndsAPage() {
        const std::vector<Page> pages = words(planet_);
        QVERIFY(pages.size() >= 5);
        int headings = 0;
        for (std::size_t p = 0; p < pages.size(); ++p) {
            const auto all = lines(pages[p]);
            QVERIFY(!all.empty());
            const double footer = all.back().first;   // "Page n of N" is the lowest line
            for (const auto& [y, text] : lines(pages[p], headingHeight(), 18)) {
                ++headings;
                int below = 0;
                for (const auto& [y2, t2] : all) below += y2 > y + 2 && y2 < footer - 2;
                QVERIFY2(below >= 2, qPrintable(QStringLiteral("page %1: '%2' has %3 lines under it").arg(p + 1).arg(text).arg(below)));
            }
        }
        QVERIFY(headings >= 10);
    }

    void contentsGiveTheHeadingsPages() {
        const std::vector<Page> pages = words(planet_);
        // Page 1's contents: "Title ... N" lines between "Contents" and the summary.
        const QString first = tool({"pdftotext", "-layout", "-f", "1", "-l", "1", planet_, "-"});
        static const QRegularExpression entry(QStringLiteral("^\\s*(\\S.*?\\S)\\s{3,}(\\d+)\\s*$"), QRegularExpression::MultilineOption);
        std::map<QString, int> contents;
        for (auto it = entry.globalMatch(first.section(QStringLiteral("Contents"), 1)); it.hasNext();) {
            const auto m = it.next();
            if (contents.count(m.captured(1))) break;
            contents[m.captured(1)] = m.captured(2).toInt();
        }
        QVERIFY2(contents.size() >= 10, qPrintable(first));
        QVERIFY(contents.count("Diagram") && contents.count("Findings") && contents.count("Growth and runway"));
        // Each title is a heading-sized line on the page the contents give (and on no earlier page).
        for (const auto& [title, page] : contents) {
            int found = 0;
            for (std::size_t p = 0; p < pages.size() && !found; ++p)
                for (const auto& [y, text] : lines(pages[p], headingHeight(), 18))
                    if (text == title || text.startsWith(title + ":")) found = static_cast<int>(p) + 1;
            QVERIFY2(found == page, qPrintable(QStringLiteral("'%1': contents say %2, heading on %3").arg(title).arg(page).arg(found)));
        }
    }

    void bigDesignPrintsItsDiagramOnSheets() {
        // Just big enough to need several sheets at a readable scale (5,000
        // components took minutes here; bench_report times that size).
        const Design d = testing::generatedDesign(400);
        const views::CapacityReport report(d, views::ReportOptions{});
        const QString path = dir_.filePath("big.pdf");
        views::PdfInfo info;
        QVERIFY(!report.writePdf(path, &info).has_value());
        QVERIFY(QFileInfo(path).size() > 100000);
        QVERIFY2(info.diagramPages > 2, qPrintable(QString::number(info.diagramPages)));   // overview + sheets
        QVERIFY(info.diagramPages <= 201);   // at most 200 sheets and the overview
        QCOMPARE(pdfInfo(path, "Pages").toInt(), info.pages);
        // The overview, then sheet A1 (top left, where the first stack is), which names its components as text.
        const QStringList pages = tool({"pdftotext", path, "-"}).split('\f');
        int overview = -1;
        for (int i = 0; i < pages.size() && overview < 0; ++i)
            if (pages[i].contains("Diagram: overview")) overview = i;
        QVERIFY(overview >= 0 && overview + 1 < pages.size());
        const QString& sheet = pages[overview + 1];
        QVERIFY2(sheet.contains("Diagram: sheet A1") && sheet.contains("s0-users") && sheet.contains("s0-lb"), qPrintable(sheet.left(600)));
        const QString first = QString::number(overview + 1), last = QString::number(overview + info.diagramPages);
        QCOMPARE(tool({"pdfimages", "-list", "-f", first, "-l", last, path}).split('\n', Qt::SkipEmptyParts).size(), 2);
    }

    void unwritablePathIsAnError() {
        const views::CapacityReport report(testing::generatedDesign(20), views::ReportOptions{});
        const auto error = report.writePdf(dir_.filePath("missing/r.pdf"));
        QVERIFY(error && error->contains("cannot write"));
        QVERIFY(!QFile::exists(dir_.filePath("missing/r.pdf")));
    }
};

QTEST_MAIN(TestReportPdf)
#include "test_report_pdf.moc"
