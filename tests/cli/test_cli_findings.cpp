// Figures the command line must not get wrong: a saturated design has no
// finite latency (JSON null, flagged, the tiers named); validate and analyze
// list the same findings; project's table and CSV say what they promise.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "tests/support/RunScalewright.h"

using sw::testing::Run;
using sw::testing::runScalewright;

namespace {

QString sample(const char* name) { return QStringLiteral(SW_SAMPLES_DIR "/") + name; }
QJsonObject jsonOf(const Run& r) { return QJsonDocument::fromJson(r.out).object(); }

// stage-03 with fifty times the users: every tier of its path is over capacity.
QString saturatedDesign(const QTemporaryDir& dir) {
    QFile in(sample("stage-03-load-balancer.json"));
    if (!in.open(QIODevice::ReadOnly)) return {};
    QJsonObject doc = QJsonDocument::fromJson(in.readAll()).object();
    QJsonObject w = doc.value("workload").toObject();
    w["users"] = w.value("users").toDouble() * 50;
    doc["workload"] = w;
    const QString path = dir.filePath("saturated.json");
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly)) return {};
    out.write(QJsonDocument(doc).toJson());
    return path;
}

QStringList codes(const QJsonArray& findings) {
    QStringList c;
    for (const auto& f : findings) c << f.toObject().value("code").toString();
    return c;
}

}  // namespace

class TestCliFindings : public QObject {
    Q_OBJECT
private slots:
    void saturatedDesignHasNoFiniteLatency() {
        QTemporaryDir dir;
        const QString file = saturatedDesign(dir);
        QVERIFY(!file.isEmpty());
        const Run r = runScalewright({"analyze", "--json", file});
        QCOMPARE(r.code, 1);   // a saturated tier is a finding
        const QJsonObject j = jsonOf(r);
        const QJsonObject s = j.value("summary").toObject();
        QCOMPARE(s.value("saturated").toBool(), true);
        QVERIFY2(s.value("p95_ms_user_weighted").isNull(), QJsonDocument(s).toJson().constData());
        // The tiers named are exactly the components flagged saturated.
        QStringList flagged;
        for (const auto& c : j.value("components").toArray()) {
            const QJsonObject o = c.toObject();
            if (!o.value("saturated").toBool()) continue;
            flagged << o.value("id").toString();
            QVERIFY(o.value("p95_ms").isNull());
            QVERIFY(o.value("wq_ms").isNull());
        }
        QVERIFY(!flagged.isEmpty());
        QStringList named;
        for (const auto& t : s.value("saturated_tiers").toArray()) named << t.toString();
        QCOMPARE(named, flagged);
        for (const auto& g : j.value("geographies").toArray()) {
            const QJsonObject o = g.toObject();
            QVERIFY(o.value("saturated").toBool());
            QVERIFY(o.value("p95_ms").isNull());
            QVERIFY(o.value("p50_ms").isNull());
            QVERIFY(!o.value("saturated_tiers").toArray().isEmpty());
        }
        for (const auto& v : s.value("p95_ms").toObject()) QVERIFY(v.isNull());
        // The text report says so too, instead of a number.
        const Run t = runScalewright({"analyze", file});
        QVERIFY2(t.out.contains("p95 (weighted)   SATURATED"), t.out.constData());
    }

    void healthyDesignKeepsItsLatency() {
        const Run r = runScalewright({"analyze", "--json", sample("stage-03-load-balancer.json")});
        QCOMPARE(r.code, 0);
        const QJsonObject s = jsonOf(r).value("summary").toObject();
        QCOMPARE(s.value("saturated").toBool(true), false);
        QVERIFY(s.value("p95_ms_user_weighted").toDouble() > 0);
        QVERIFY(s.value("saturated_tiers").toArray().isEmpty());
    }

    void validateAndAnalyzeListTheSameFindings() {
        // The planet sample runs out of runway in several tiers: those warnings
        // are findings like any other, in every list.
        const QString file = sample("planet-scale-3-region.json");
        const Run a = runScalewright({"analyze", "--json", file});
        const Run v = runScalewright({"validate", "--json", file});
        QVERIFY2(a.code == 0, a.err.constData());
        QCOMPARE(v.code, 0);
        const QJsonArray fromAnalyze = jsonOf(a).value("findings").toArray();
        const QJsonArray fromValidate = jsonOf(v).value("variants").toArray().at(0).toObject().value("findings").toArray();
        QVERIFY(codes(fromAnalyze).count("runway") > 0);
        QCOMPARE(fromValidate, fromAnalyze);   // same objects, same order, same severities
        for (const auto& f : fromValidate) {
            const QString sev = f.toObject().value("severity").toString();
            QVERIFY(sev == "error" || sev == "warning");
        }
        // The text form counts them.
        const Run text = runScalewright({"validate", file});
        const int warnings = static_cast<int>(codes(fromValidate).size());
        QVERIFY2(text.out.contains(QStringLiteral("0 error(s), %1 warning(s)").arg(warnings).toUtf8()), text.out.constData());
        // A saturated design is invalid for validate as for analyze.
        QTemporaryDir dir;
        const QString sat = saturatedDesign(dir);
        QCOMPARE(runScalewright({"validate", sat}).code, 1);
    }

    void projectTableSaysWhatItPromises() {
        const QString file = sample("planet-scale-3-region.json");
        const Run r = runScalewright({"project", file, "--months", "24"});
        QCOMPARE(r.code, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains("storage GB") && text.contains("GB/month"), r.out.constData());
        const Run j = runScalewright({"project", file, "--months", "24", "--json"});
        const QJsonArray runway = jsonOf(j).value("runway").toArray();
        QVERIFY(!runway.isEmpty());
        const QStringList lines = text.split('\n');
        int dataLines = 0;
        for (const auto& rw : runway) {
            const QString id = rw.toObject().value("id").toString();
            bool found = false;
            for (const QString& line : lines) {
                if (!line.startsWith("  " + id)) continue;
                const QString rest = line.mid(2 + id.size());
                if (!rest.isEmpty() && !rest.startsWith("  ")) continue;   // a longer id with this prefix
                found = true;
            }
            QVERIFY2(found, qPrintable(id + " has no runway line of its own (or runs into the text)"));
        }
        // One limit per line: a load line names rps, a data line GB, never both.
        const qsizetype start = text.indexOf("\nRunway");
        QVERIFY(start > 0);
        for (const QString& line : text.mid(start).split('\n')) {
            const bool load = line.contains("load:"), data = line.contains("data:");
            QVERIFY2(!(load && data), qPrintable(line));
            if (data) {
                ++dataLines;
                QVERIFY2(!line.contains("rps") && line.contains("GB"), qPrintable(line));
            }
            if (load) QVERIFY2(line.contains("rps") && !line.contains(" GB"), qPrintable(line));
        }
        QVERIFY(dataLines > 0);   // the primaries' data limit has its own line

        // CSV: users as whole numbers, no exponent anywhere.
        const Run csv = runScalewright({"project", file, "--months", "24", "--csv"});
        QCOMPARE(csv.code, 0);
        QVERIFY2(!csv.out.contains("e+"), csv.out.left(400).constData());
        const QList<QByteArray> rows = csv.out.trimmed().split('\n');
        const QJsonArray months = jsonOf(j).value("months").toArray();
        QCOMPARE(rows.size(), months.size() + 1);
        for (int m = 0; m < months.size(); ++m) {
            const QByteArray users = rows[m + 1].split(',').at(1);
            QVERIFY2(QRegularExpression(QStringLiteral("^\\d+$")).match(QString::fromLatin1(users)).hasMatch(), users.constData());
            QCOMPARE(users.toDouble(), std::round(months[m].toObject().value("users").toDouble()));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliFindings)
#include "test_cli_findings.moc"
