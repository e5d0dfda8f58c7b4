// `scalewright compare` and `scalewright sensitivity` through the built
// binary: the summary of each variant is analyze --json's, deltas are the
// difference of two analyze runs, exit codes as documented.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "tests/support/RunScalewright.h"

using sw::testing::runScalewright;

namespace {

const QString kStage5 = QStringLiteral(SW_SAMPLES_DIR "/stage-05-caching-layer.json");

QJsonObject parse(const QByteArray& text) { return QJsonDocument::fromJson(text).object(); }

}  // namespace

class TestWhatIfCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_, single_, other_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QFile f(kStage5);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject sample = parse(f.readAll());
        // The first variant of the sample, as a design of its own.
        QJsonObject a = sample.contains("variants") ? sample["variants"].toArray()[0].toObject() : sample;
        a["format_version"] = 1;
        QJsonObject b = a;
        a["name"] = "Base";
        b["name"] = "Bigger";
        QJsonArray comps = b["components"].toArray();
        for (int i = 0; i < comps.size(); ++i) {
            QJsonObject c = comps[i].toObject();
            if (c["id"] == "web-a") c["instances"] = c["instances"].toDouble() + 4;
            comps[i] = c;
        }
        b["components"] = comps;
        QJsonObject p{{"format_version", 1}, {"name", "two"}, {"variants", QJsonArray{a, b}}};
        project_ = dir_.filePath("two.json");
        single_ = dir_.filePath("base.json");
        other_ = dir_.filePath("bigger.json");
        auto write = [](const QString& path, const QJsonObject& o) {
            QFile out(path);
            return out.open(QIODevice::WriteOnly) && out.write(QJsonDocument(o).toJson()) > 0;
        };
        QVERIFY(write(project_, p) && write(single_, a) && write(other_, b));
    }

    void summariesAreAnalyzes() {
        const auto r = runScalewright({"compare", project_, "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = parse(r.out);
        QCOMPARE(doc["base"].toString(), QString("Base"));
        const QJsonArray variants = doc["variants"].toArray();
        QCOMPARE(variants.size(), 2);
        double cost[2] = {0, 0};
        for (int i = 0; i < 2; ++i) {
            const QString name = variants[i].toObject()["name"].toString();
            const auto a = runScalewright({"analyze", project_, "--variant", name, "--json"});
            QCOMPARE(a.code, 0);
            const QJsonObject summary = parse(a.out)["summary"].toObject();
            QCOMPARE(variants[i].toObject()["summary"].toObject(), summary);   // same keys, same values
            cost[i] = summary["cost_per_month_usd"].toDouble();
        }
        const QJsonObject d = doc["deltas"].toArray()[1].toObject()["figures"].toObject()["cost_per_month_usd"].toObject();
        QVERIFY(std::abs(d["delta"].toDouble() - (cost[1] - cost[0])) <= 1e-9 * cost[0]);
        QCOMPARE(d["verdict"].toString(), QString("worse"));   // four more instances cost more
        const QJsonObject diff = doc["diff"].toObject();
        const QJsonArray changed = diff["components_changed"].toArray();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0].toObject()["id"].toString(), QString("web-a"));
        QCOMPARE(changed[0].toObject()["field"].toString(), QString("instances"));
        QCOMPARE(changed[0].toObject()["new"].toDouble() - changed[0].toObject()["old"].toDouble(), 4.0);
        for (const char* key : {"components_added", "components_removed", "links_added", "links_removed", "links_changed",
                                "workload_changed"})
            QVERIFY2(diff[key].isArray() && diff[key].toArray().isEmpty(), key);
        QVERIFY(doc.contains("crossover"));
    }

    void selfIsEmpty() {
        const auto r = runScalewright({"compare", project_, "--variants", "Bigger", "--base", "Bigger", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = parse(r.out);
        QCOMPARE(doc["variants"].toArray().size(), 1);
        const QJsonObject figures = doc["deltas"].toArray()[0].toObject()["figures"].toObject();
        for (const QString& k : figures.keys()) QCOMPARE(figures[k].toObject()["delta"].toDouble(), 0.0);
        QVERIFY(doc["diff"].toObject()["components_changed"].toArray().isEmpty());
        QVERIFY(doc["crossover"].isNull());
    }

    void twoDesignFiles() {
        const auto r = runScalewright({"compare", single_, other_});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("Base") && r.out.contains("Bigger"));
        QVERIFY(r.out.contains("~ component web-a instances: 17 -> 21"));
    }

    void usageErrors() {
        auto r = runScalewright({"compare", project_, "--variants", "Base,Nope"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("no variant 'Nope'"));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(runScalewright({"compare", project_, "--base", "Nope"}).code, 2);
        QCOMPARE(runScalewright({"compare", dir_.filePath("missing.json")}).code, 2);
        QCOMPARE(runScalewright({"sensitivity", project_, "--delta", "2"}).code, 2);
        QCOMPARE(runScalewright({"sensitivity", project_, "--delta", "x"}).code, 2);
        QCOMPARE(runScalewright({"sensitivity", project_, "--variant", "Nope"}).code, 2);
    }

    void sensitivityJson() {
        const auto r = runScalewright({"sensitivity", project_, "--variant", "Base", "--delta", "0.2", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = parse(r.out);
        QCOMPARE(doc["delta"].toDouble(), 0.2);
        const QJsonArray rows = doc["sensitivity"].toArray();
        QVERIFY(rows.size() > 10);
        double last = INFINITY;
        bool users = false;
        for (const auto& v : rows) {
            const QJsonObject row = v.toObject();
            for (const char* key : {"input", "low_value", "high_value", "cost_per_month_usd", "availability", "p95_ms",
                                    "runway_month"})
                QVERIFY2(row.contains(key), key);
            QCOMPARE(row["cost_per_month_usd"].toArray().size(), 2);
            const double effect = row["effect"].isNull() ? INFINITY : row["effect"].toDouble();
            QVERIFY(effect <= last);
            last = effect;
            if (row["input"] == "workload.users") {
                users = true;
                QCOMPARE(row["low_value"].toDouble(), 2e6 * 0.8);
                QVERIFY(row["cost_per_month_usd"].toArray()[1].toDouble() > row["cost_per_month_usd"].toArray()[0].toDouble());
            }
        }
        QVERIFY(users);
        const auto text = runScalewright({"sensitivity", kStage5});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("Daily active users"));
    }
};

QTEST_GUILESS_MAIN(TestWhatIfCli)
#include "test_whatif_cli.moc"
