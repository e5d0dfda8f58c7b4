// `scalewright analyze` and `project` end to end: the documented JSON keys,
// exit codes for fine / saturated / bad usage, and the CSV projection.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/support/RunScalewright.h"

#include <cmath>

namespace {

using sw::testing::Run;

Run run(const QStringList& args) { return sw::testing::runScalewright(args, 120000); }

const QString kStage4 = QStringLiteral(SW_SAMPLES_DIR "/stage-04-replication.json");

// One service of 2 x 1,000 rps offered 3,000 rps at peak: saturated.
const char* kSaturated = R"({"name": "tiny", "workload": {"users": 864000, "requests_per_user_per_day": 100,
  "read_fraction": 0.8, "peak_factor": 3},
  "regions": [{"id": "r", "name": "r", "latitude": 0, "longitude": 0}],
  "components": [{"id": "u", "kind": "user_group", "user_share": 1},
                 {"id": "s", "kind": "service", "region": "r", "instances": 2, "capacity_rps": 1000}],
  "links": [{"id": "l", "kind": "call", "from": "u", "to": "s"}]})";

}  // namespace

class TestAnalyzeCli : public QObject {
    Q_OBJECT
private slots:
    void jsonHasTheDocumentedKeys() {
        const Run r = run({"analyze", kStage4, "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonObject s = o["summary"].toObject();
        for (const char* k : {"availability", "nines", "downtime_min_per_year", "cost_per_month_usd", "bottleneck", "p95_ms"})
            QVERIFY2(s.contains(k), k);
        QVERIFY(s["p95_ms"].isObject());
        QVERIFY(s["p95_ms"].toObject().contains("users"));
        const double a = s["availability"].toDouble();
        QVERIFY(a > 0 && a <= 1);
        QVERIFY(std::abs(s["downtime_min_per_year"].toDouble() - (1 - a) * 525960) < 1e-6 * 525960);
        const QJsonArray comps = o["components"].toArray();
        QCOMPARE(comps.size(), 8);
        for (const auto& v : comps) {
            const QJsonObject c = v.toObject();
            for (const char* k : {"id", "load_rps", "utilization", "instances", "wq_ms", "w_ms", "availability", "cost_per_month_usd"})
                QVERIFY2(c.contains(k), k);
        }
        // The bottleneck is a component id with the highest utilisation.
        double best = -1;
        QString id;
        for (const auto& v : comps)
            if (v.toObject()["utilization"].toDouble() > best) {
                best = v.toObject()["utilization"].toDouble();
                id = v.toObject()["id"].toString();
            }
        QCOMPARE(s["bottleneck"].toString(), id);
        QVERIFY(o["explain"].toArray().size() > 8);
        QVERIFY(o.contains("replication") && o.contains("cost") && o.contains("latency") && o.contains("findings"));
    }

    void readableReport() {
        const Run r = run({"analyze", kStage4});
        QCOMPARE(r.code, 0);
        for (const char* part : {"Summary", "Tiers", "Geographies", "Replication", "Cost"}) QVERIFY2(r.out.contains(part), part);
    }

    void saturatedTierExitsOne() {
        QTemporaryDir dir;
        const QString path = dir.filePath("tiny.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kSaturated);
        f.close();
        const Run r = run({"analyze", path});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains("SATURATED"));
        const Run j = run({"analyze", path, "--json"});
        QCOMPARE(j.code, 1);
        const QJsonObject c = QJsonDocument::fromJson(j.out).object()["components"].toArray()[1].toObject();
        QCOMPARE(c["utilization"].toDouble(), 1.5);
        QCOMPARE(c["saturated"].toBool(), true);
    }

    void badUsage() {
        QCOMPARE(run({"analyze"}).code, 2);
        QCOMPARE(run({"analyze", "/nonexistent/file.json"}).code, 2);
        QCOMPARE(run({"analyze", kStage4, "--variant", "nope"}).code, 2);
        QCOMPARE(run({"project", kStage4}).code, 2);
        QCOMPARE(run({"project", kStage4, "--months", "0"}).code, 2);
        QCOMPARE(run({"project", kStage4, "--months", "61"}).code, 2);
        QCOMPARE(run({"project", kStage4, "--months", "x"}).code, 2);
        QCOMPARE(run({"project", kStage4, "--months", "3", "--csv", "--json"}).code, 2);
    }

    void projectionFromAHistory() {
        // Users growing exactly 15 % a month: the fitted rate replaces the
        // design's 20 %, so users(12)/users(0) = 1.15^12 = 5.3503.
        QTemporaryDir dir;
        const QString hist = dir.filePath("h.csv");
        QFile f(hist);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("month,users\n0,1000\n1,1150\n2,1322.5\n3,1520.875\n4,1749.00625\n");
        f.close();
        const Run j = run({"project", kStage4, "--months", "12", "--history", hist, "--json"});
        QCOMPARE(j.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(j.out).object();
        QVERIFY(std::abs(o["fit"].toObject()["monthly_growth"].toDouble() - 0.15) < 1e-9);
        const QJsonArray months = o["months"].toArray();
        QVERIFY(std::abs(months[12].toObject()["users"].toDouble() / months[0].toObject()["users"].toDouble() -
                         std::pow(1.15, 12)) < 1e-6);
        QCOMPARE(run({"project", kStage4, "--months", "3", "--logistic"}).code, 2);
        QCOMPARE(run({"project", kStage4, "--months", "3", "--history", dir.filePath("none.csv")}).code, 2);
    }

    void projectionCsvAndJson() {
        const Run c = run({"project", kStage4, "--months", "12", "--csv"});
        QCOMPARE(c.code, 0);
        const QList<QByteArray> lines = c.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 14);   // header + months 0..12
        QVERIFY(lines[0].startsWith("month,users,peak_rps"));
        // Stage 4's workload grows 20 % a month: users(12) / users(0) = 1.2^12.
        const double u0 = lines[1].split(',')[1].toDouble(), u12 = lines[13].split(',')[1].toDouble();
        QVERIFY(std::abs(u12 / u0 - 8.916100448256) < 1e-4);
        const Run j = run({"project", kStage4, "--months", "6", "--json"});
        QCOMPARE(j.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(j.out).object();
        QCOMPARE(o["months"].toArray().size(), 7);
        QVERIFY(o["runway"].toArray().size() == 7);
    }
};

QTEST_GUILESS_MAIN(TestAnalyzeCli)
#include "test_analyze_cli.moc"
