// The report's "Scaling path" section: present when a walk is given, with
// each stage of the walk and its trigger; absent otherwise; and the CLI's
// --walkthrough writes it into the PDF.
#include <QTemporaryDir>
#include <QtTest>

#include "model/JsonFormat.h"
#include "planner/walkthrough/Walkthrough.h"
#include "tests/support/RunScalewright.h"
#include "views/report/CapacityReport.h"

using namespace sw;

class TestReportWalkthrough : public QObject {
    Q_OBJECT
private slots:
    void sectionListsTheStages() {
        auto p = readProjectJsonFile(SW_SAMPLES_DIR "/stage-01-single-server.json");
        QVERIFY(p.ok());
        const Design& d = p->variants.front();
        views::ReportOptions plain;
        QVERIFY(!views::CapacityReport(d, plain).plainText().contains("Scaling path"));
        WalkOptions o;
        o.design = d;
        o.users = d.workload.users;
        o.monthly_growth = d.workload.monthly_growth;
        o.months = 60;
        auto walk = walkthrough(o);
        QVERIFY(walk.ok());
        views::ReportOptions with;
        with.walkthrough = walk.value();
        const QString text = views::CapacityReport(d, with).plainText();
        QVERIFY(text.contains("Scaling path"));
        for (const WalkStage& s : walk->stages) {
            QVERIFY2(text.contains(QString::fromStdString(s.name)), s.name.c_str());
            if (s.trigger) QVERIFY(text.contains(QStringLiteral("month %1:").arg(s.trigger->month)));
        }
    }

    void cliOption() {
        QTemporaryDir dir;
        const QString pdf = dir.filePath("r.pdf");
        const auto r = testing::runScalewright(
            {"report", SW_SAMPLES_DIR "/stage-03-load-balancer.json", "--walkthrough", "--months", "36", "-o", pdf});
        QCOMPARE(r.code, 0);
        QVERIFY(QFileInfo(pdf).size() > 10000);
    }
};

QTEST_MAIN(TestReportWalkthrough)
#include "test_report_walkthrough.moc"
