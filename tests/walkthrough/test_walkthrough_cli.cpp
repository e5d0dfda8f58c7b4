// `scalewright walkthrough` through the built binary: the JSON keys the issue
// fixes, contiguous stages, the design's stage, a fitted history and the
// exit-2 refusals with one-line messages.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "tests/support/RunScalewright.h"

using sw::testing::runScalewright;

namespace {
const QString kSamples = QStringLiteral(SW_SAMPLES_DIR);

QJsonObject json(const QStringList& args) {
    const auto r = runScalewright(args);
    if (r.code != 0) qWarning("%s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object();
}
}  // namespace

class TestWalkthroughCli : public QObject {
    Q_OBJECT
private slots:
    void jsonFromStage1() {
        const QJsonObject o = json({"walkthrough", "--json", "--months", "60"});
        QVERIFY(o.contains("current_stage"));
        QVERIFY(o["current_stage"].isNull());
        const QJsonArray stages = o["stages"].toArray();
        QVERIFY(stages.size() >= 3);
        for (const char* key : {"stage", "name", "from_month", "to_month", "users_at_entry", "peak_rps_at_entry",
                                "cost_per_month_usd", "availability", "p95_ms", "added", "trigger"})
            QVERIFY2(stages[0].toObject().contains(key), key);
        const QJsonObject first = stages[0].toObject();
        // The single server scales nothing out; stage 3's web tier does, its database does not.
        QVERIFY(first["scales_out"].toArray().isEmpty());
        QVERIFY(first["fixed"].toArray().contains(QJsonValue("app-server")));
        QVERIFY(stages[2].toObject()["scales_out"].toArray().contains(QJsonValue("web-a")));
        QVERIFY(stages[2].toObject()["fixed"].toArray().contains(QJsonValue("db")));
        QCOMPARE(first["stage"].toInt(), 1);
        QCOMPARE(first["from_month"].toInt(), 0);
        // 1,000 users x 100/86,400 x 3 passes 0.7 x 50 rps in month 13 (worked in test_walkthrough).
        const QJsonObject t = first["trigger"].toObject();
        for (const char* key : {"metric", "threshold", "value", "month", "direction"}) QVERIFY2(t.contains(key), key);
        QCOMPARE(t["month"].toInt(), 13);
        QCOMPARE(t["metric"].toString(), QString("utilization"));
        for (int i = 0; i + 1 < stages.size(); ++i)
            QCOMPARE(stages[i].toObject()["to_month"].toInt(), stages[i + 1].toObject()["from_month"].toInt());
        QVERIFY(stages.last().toObject()["trigger"].isNull());
        QCOMPARE(stages.last().toObject()["to_month"].toInt(), 60);
        QVERIFY(std::abs(stages[1].toObject()["users_at_entry"].toDouble() - 1000 * std::pow(1.2, 13)) < 1e-6);
    }

    void designFileGivesItsStage() {
        const QJsonObject o = json({"walkthrough", kSamples + "/stage-05-caching-layer.json", "--json", "--months", "24"});
        QCOMPARE(o["current_stage"].toInt(), 5);
        QCOMPARE(o["stages"].toArray()[0].toObject()["stage"].toInt(), 5);
        const auto text = runScalewright({"walkthrough", kSamples + "/stage-05-caching-layer.json", "--months", "24"});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("Your design is at stage 5"));
    }

    void history() {
        QTemporaryDir dir;
        const QString path = dir.filePath("history.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("month,users\n");
        for (int m = 0; m <= 6; ++m) f.write(QString("%1,%2\n").arg(m).arg(1000 * std::pow(1.1, m), 0, 'f', 3).toUtf8());
        f.close();
        const QJsonObject o = json({"walkthrough", "--history", path, "--json", "--months", "12"});
        QVERIFY(std::abs(o["monthly_growth"].toDouble() - 0.1) < 1e-6);
        QVERIFY(std::abs(o["users"].toDouble() - 1000 * std::pow(1.1, 6)) < 1e-3);
    }

    void emptyDesignIsAFinding() {
        QTemporaryDir dir;
        QFile f(dir.filePath("empty.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format":"scalewright","format_version":1,"name":"Empty","components":[],"links":[]})");
        f.close();
        const auto r = runScalewright({"walkthrough", f.fileName()});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("no components"));
        QVERIFY(r.out.isEmpty());
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("zero users") << QStringList{"--users", "0"};
        QTest::newRow("negative users") << QStringList{"--users", "-10"};
        QTest::newRow("growth below -50%") << QStringList{"--growth", "-0.6"};
        QTest::newRow("growth above 100%") << QStringList{"--growth", "1.5"};
        QTest::newRow("horizon 121") << QStringList{"--months", "121"};
        QTest::newRow("horizon 0") << QStringList{"--months", "0"};
        QTest::newRow("not a number") << QStringList{"--users", "lots"};
        QTest::newRow("missing file") << QStringList{"/nonexistent/design.json"};
    }
    void refusals() {
        QFETCH(QStringList, args);
        const auto r = runScalewright(QStringList{"walkthrough"} + args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.trimmed().isEmpty());
        QCOMPARE(r.err.trimmed().count('\n'), 0);
    }
};

QTEST_GUILESS_MAIN(TestWalkthroughCli)
#include "test_walkthrough_cli.moc"
