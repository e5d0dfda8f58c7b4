// The summary cards say what the engine found: a saturated path shows no
// latency figure, an empty design no figures at all, errors alone in red,
// and a bottleneck whose name repeats is told apart by its place.
#include <QApplication>
#include <QLabel>
#include <QTest>

#include "GuiFixture.h"
#include "planner/Analysis.h"
#include "views/canvas/Format.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"
#include "views/panels/SummaryPanel.h"

using namespace sw;

namespace {

// The panel's labels in text() order: cost, detail, availability, detail,
// p95, detail, bottleneck, detail, headroom, detail, findings.
struct Cards {
    QStringList lines;
    QString availability() const { return lines.value(2); }
    QString availabilityDetail() const { return lines.value(3); }
    QString p95() const { return lines.value(4); }
    QString p95Detail() const { return lines.value(5); }
    QString bottleneck() const { return lines.value(6); }
    QString bottleneckDetail() const { return lines.value(7); }
    QString findings() const { return lines.value(10); }
};

class Harness {
public:
    Harness() : analysis(&doc, &analyzeLive), panel(&doc, &analysis) {}
    Cards show(Project p) {
        doc.resetProject(std::move(p));
        analysis.recomputeNow();
        return Cards{panel.text().split('\n')};
    }
    views::DesignDocument doc;
    views::LiveAnalysis analysis;
    views::SummaryPanel panel;
};

}  // namespace

class TestGuiSummary : public QObject {
    Q_OBJECT
private slots:
    void saturatedPathShowsNoLatency() {
        Harness h;
        Project p = testing::smallProject();
        const Cards healthy = h.show(p);
        QVERIFY2(healthy.p95().endsWith("ms"), qPrintable(healthy.p95()));
        p.variants[0].workload.users = 1e9;   // far past the one API instance
        const Cards c = h.show(p);
        const Analysis& a = h.analysis.analysis();
        QVERIFY(a.components[2].saturated);
        QCOMPARE(c.p95(), QStringLiteral("Saturated"));
        QVERIFY2(!c.p95().contains("ms"), qPrintable(c.p95()));
        // Both tiers are over capacity; the card counts them and its tooltip
        // names them as the window names them.
        QVERIFY2(c.p95Detail().contains("2 tier(s) over capacity"), qPrintable(c.p95Detail()));
        QLabel* value = nullptr;
        for (QLabel* l : h.panel.findChildren<QLabel*>())
            if (l->text() == QStringLiteral("Saturated")) value = l;
        QVERIFY(value);
        QVERIFY2(value->toolTip().contains("Edge balancer, API"), qPrintable(value->toolTip()));
        // One saturated tier is named on the card itself.
        p.variants[0].components[1].params.capacity_rps = 1e9;   // the stated limit: past it the design is invalid, not analysed
        const Cards one = h.show(p);
        QCOMPARE(one.p95(), QStringLiteral("Saturated"));
        QCOMPARE(one.p95Detail(), QStringLiteral("API over capacity"));
    }

    void emptyDesignShowsNoFigures() {
        Harness h;
        h.show(testing::smallProject());
        Project empty;
        empty.variants.emplace_back();
        const Cards c = h.show(empty);   // what File › New leaves
        for (const QString& line : c.lines.mid(0, 10)) {
            QVERIFY2(!line.contains("100 %") && !line.contains("nines"), qPrintable(line));
        }
        QCOMPARE(c.availability(), QStringLiteral("—"));
        QCOMPARE(c.p95(), QStringLiteral("—"));
        QVERIFY2(!c.findings().contains("#dc2626"), qPrintable(c.findings()));
        // Nor a green all-clear: there is nothing yet to have no findings about.
        QVERIFY2(!c.findings().contains("No findings") && !c.findings().contains("#16a34a"), qPrintable(c.findings()));
        QCOMPARE(c.findings(), QStringLiteral("Nothing to check yet"));
        QVERIFY(h.show(testing::smallProject()).findings().contains("No findings") ||
                h.analysis.warningCount() + h.analysis.errorCount() > 0);
    }

    void onlyErrorsAreRed() {
        Harness h;
        Project p = testing::smallProject();
        Component& api = p.variants[0].components[2];
        api.params.mtbf_h = 100;   // without an MTTR: a warning, not an error
        const Cards warn = h.show(p);
        QCOMPARE(h.analysis.errorCount(), 0);
        QVERIFY(h.analysis.warningCount() > 0);
        QVERIFY2(!warn.findings().contains("#dc2626"), qPrintable(warn.findings()));
        QVERIFY2(!warn.findings().contains("0 error"), qPrintable(warn.findings()));
        QVERIFY2(warn.findings().contains("warning"), qPrintable(warn.findings()));
        api.instance_type = "no-such-type";   // an error
        const Cards err = h.show(p);
        QVERIFY(h.analysis.errorCount() > 0);
        QVERIFY2(err.findings().contains("#dc2626"), qPrintable(err.findings()));
    }

    void repeatedBottleneckNameIsToldApart() {
        Harness h;
        Project p = testing::smallProject();
        Design& d = p.variants[0];
        d.components[1].name = "Media jobs";   // the load balancer
        d.components[2].name = "Media jobs";   // the API, the bottleneck
        d.components[1].params.capacity_rps = 10000;
        const Cards c = h.show(p);
        QCOMPARE(h.analysis.analysis().summary.bottleneck, std::string("api"));
        QVERIFY2(c.bottleneck().contains("Media jobs (us-east-1"), qPrintable(c.bottleneck()));
        QVERIFY2(c.bottleneck().contains("api"), qPrintable(c.bottleneck()));
    }

    void overloadedBottleneckIsShownAsSaturated() {
        Harness h;
        Project p = testing::smallProject();
        const Cards ok = h.show(p);
        QVERIFY2(ok.bottleneckDetail().startsWith("utilisation "), qPrintable(ok.bottleneckDetail()));
        p.variants[0].workload.users = 1e9;   // the API far past its capacity
        const Cards c = h.show(p);
        const Analysis& a = h.analysis.analysis();
        const int i = h.doc.componentIndex(a.summary.bottleneck);
        QVERIFY(i >= 0);
        const ComponentResult& r = a.components[static_cast<std::size_t>(i)];
        QVERIFY2(r.utilization >= 1.0, qPrintable(QString::number(r.utilization)));
        // Not a plain "utilisation 6808 %": it says overloaded, in the warning colour.
        QVERIFY2(!c.bottleneckDetail().startsWith("utilisation"), qPrintable(c.bottleneckDetail()));
        QVERIFY2(c.bottleneckDetail().contains("overloaded") && c.bottleneckDetail().contains("saturated"),
                 qPrintable(c.bottleneckDetail()));
        QVERIFY2(c.bottleneckDetail().contains(views::formatPercent(r.utilization)), qPrintable(c.bottleneckDetail()));
        QLabel* detail = nullptr;
        for (QLabel* l : h.panel.findChildren<QLabel*>())
            if (l->text() == c.bottleneckDetail()) detail = l;
        QVERIFY(detail);
        QVERIFY2(detail->styleSheet().contains("#dc2626"), qPrintable(detail->styleSheet()));
        // Back under capacity: the plain figure and colour return.
        const Cards back = h.show(testing::smallProject());
        QVERIFY2(back.bottleneckDetail().startsWith("utilisation "), qPrintable(back.bottleneckDetail()));
        for (QLabel* l : h.panel.findChildren<QLabel*>())
            if (l->text() == back.bottleneckDetail()) QVERIFY2(l->styleSheet().isEmpty(), qPrintable(l->styleSheet()));
    }

    void manyNinesAreNotShownAsAHundredPercent() {
        // Two significant digits of the unavailability, however small it is:
        // a 12-nines design is not "100.0000000 %" (the planet sample is one).
        QCOMPARE(views::formatAvailability(0.9995), QStringLiteral("99.950 %"));
        QCOMPARE(views::formatAvailability(1 - 1.2e-12), QStringLiteral("99.99999999988 %"));
        QCOMPARE(views::formatAvailability(1.0), QStringLiteral("100 %"));
    }

    void thousandsAreGrouped() {
        // Qt's C locale omits group separators unless told: the stage-4 card
        // read "$8696" and "peak 1736.1 rps".
        QCOMPARE(views::formatMoney(8696.4), QStringLiteral("$8,696"));
        QCOMPARE(views::formatMoney(999.6), QStringLiteral("$1,000"));
        QCOMPARE(views::formatMoney(12400), QStringLiteral("$12.4k"));
        QCOMPARE(views::formatCount(1736.1), QStringLiteral("1,736.1"));
        QCOMPARE(views::formatCount(-9999), QStringLiteral("-9,999"));
        QCOMPARE(views::formatGrouped(1234567.891, 2), QStringLiteral("1,234,567.89"));
    }

    void smallFiguresHaveNoExponent() {
        // Cost per user and importance are tiny: fixed notation, never
        // "1.2e-05"; a cost that rounds to nothing is not "-0.00".
        QCOMPARE(views::formatSmallMoney(0.000012), QStringLiteral("$0.000012"));
        QCOMPARE(views::formatSmallMoney(0.0047), QStringLiteral("$0.0047"));
        QCOMPARE(views::formatSmall(0.00012345, 3), QStringLiteral("0.000123"));
        QCOMPARE(views::formatSmall(-1e-15), QStringLiteral("0"));
        QCOMPARE(views::formatMoney(-0.001), QStringLiteral("$0.00"));
        // Downtime in the unit that reads best: 52.6 min a year is 99.99 %.
        QCOMPARE(views::formatDowntime(525960 * 1e-4), QStringLiteral("53 min"));
        QCOMPARE(views::formatDowntime(0.5), QStringLiteral("30 s"));
        QCOMPARE(views::formatDowntime(120), QStringLiteral("2.0 h"));
        QCOMPARE(views::formatDowntime(3 * 1440), QStringLiteral("3.0 d"));
        QCOMPARE(views::formatDowntime(1e-4), QStringLiteral("< 0.1 s"));
    }
};

QTEST_MAIN(TestGuiSummary)
#include "test_gui_summary.moc"
