// Hostile input found by trying the tool as an attacker or an unlucky user
// would (issue 16): each check here failed before its fix. The messages of
// many more bad inputs are checked by test_bad_input_doc, from the table in
// docs/bad-input.md; this suite checks what a message match cannot: figures,
// files left behind, files left alone, bytes on the terminal.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <sys/stat.h>

#include "tests/support/RunScalewright.h"

using sw::testing::Run;
using sw::testing::runScalewright;

namespace {

QString bad(const char* name) { return QStringLiteral(SW_TESTDATA_DIR "/bad/") + name; }
QString sample(const char* name) { return QStringLiteral(SW_SAMPLES_DIR "/") + name; }
QJsonObject jsonOf(const Run& r) { return QJsonDocument::fromJson(r.out).object(); }

QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString writeJson(const QTemporaryDir& dir, const QString& name, const QJsonObject& doc) {
    const QString path = dir.filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly)) return {};
    out.write(QJsonDocument(doc).toJson());
    return path;
}

// tiny.json's service tier "web" rebuilt as 100,000 instances of 1e9 rps
// with a 1,000 s service time: 1e17 servers, far past an int's count.
QJsonObject wideTier(double users, double requestsPerUser, double peak) {
    QJsonObject doc = readJson(bad("tiny.json"));
    QJsonArray comps = doc.value("components").toArray();
    QJsonObject web = comps[1].toObject();
    web["instances"] = 100000;
    web["capacity_rps"] = 1e9;
    web["service_time_ms"] = 1e6;
    comps[1] = web;
    // The database behind it would saturate first: it takes no calls here.
    doc["components"] = QJsonArray{comps[0], comps[1]};
    doc["links"] = QJsonArray{doc.value("links").toArray()[0]};
    QJsonObject w = doc.value("workload").toObject();
    w["users"] = users;
    w["requests_per_user_per_day"] = requestsPerUser;
    w["peak_factor"] = peak;
    doc["workload"] = w;
    return doc;
}

QJsonObject component(const QJsonObject& analysis, const QString& id) {
    for (const auto& c : analysis.value("components").toArray())
        if (c.toObject().value("id").toString() == id) return c.toObject();
    return {};
}

bool isFifo(const QString& path) {
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
}

}  // namespace

class TestCliHostile : public QObject {
    Q_OBJECT
private slots:
    // A device has no size and no end: it is refused before a byte is read,
    // by every reader (design, history CSV, replay file), not read until the
    // limit or until memory runs out.
    void devicesAndFifosAreRefusedWhereAFileIsMeant() {
        const Run v = runScalewright({"validate", "/dev/zero"});
        QCOMPARE(v.code, 2);
        QVERIFY2(v.err.contains("/dev/zero: is a character device, not a regular file"), v.err.constData());
        const Run h = runScalewright({"project", bad("tiny.json"), "--months", "6", "--history", "/dev/zero"});
        QCOMPARE(h.code, 2);
        QVERIFY2(h.err.contains("/dev/zero: is a character device"), h.err.constData());
        const Run r = runScalewright({"simulate", bad("replay-device.json"), "--scenario", "replay"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("/dev/zero: is a character device"), r.err.constData());
        // A FIFO with no writer would block the open for ever.
        QTemporaryDir dir;
        const QString fifo = dir.filePath("design.json");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const Run f = runScalewright({"validate", fifo}, 20000);
        QCOMPARE(f.code, 2);
        QVERIFY2(f.err.contains("is a FIFO (named pipe), not a regular file"), f.err.constData());
        // Standard input stays readable, and bounded at the one 64 MiB limit.
        QByteArray flood(64 * 1024 * 1024 + 1, ' ');
        const Run s = runScalewright({"validate", "-"}, 60000, &flood);
        QCOMPARE(s.code, 2);
        QVERIFY2(s.err.contains("standard input: more than the limit of 67108864 bytes"), s.err.constData());
    }

    // Replacing a device node or a FIFO with a regular file (rename over it)
    // is refused; the node is still there afterwards.
    void onlyRegularFilesAreReplaced() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("out.json");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const Run c = runScalewright({"convert", "--force", bad("tiny.json"), fifo});
        QCOMPARE(c.code, 2);
        QVERIFY2(c.err.contains("is a FIFO (named pipe); only a regular file is replaced"), c.err.constData());
        QVERIFY(isFifo(fifo));
        const Run s = runScalewright({"simulate", bad("tiny.json"), "--scenario", "steady", "--csv", fifo});
        QCOMPARE(s.code, 2);
        QVERIFY(isFifo(fifo));
        const Run full = runScalewright({"convert", "--force", bad("tiny.json"), "/dev/full"});
        QCOMPARE(full.code, 2);
        QVERIFY2(full.err.contains("/dev/full: is a character device; only a regular file is replaced"), full.err.constData());
        // Nothing was left beside the FIFO either.
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{"out.json"});
    }

    // A save killed mid-way leaves its temporary behind; the next save of the
    // same target removes it (this version's names and earlier ones), and
    // nothing else.
    void staleTemporariesGoOnTheNextSave() {
        for (const QString& target : {QStringLiteral("d.json"), QStringLiteral("d.swproj")}) {
            QTemporaryDir dir;
            const QStringList stale = {"." + target + ".scalewright-save-Ab12Cd",
                                       "." + target + ".scalewright-save-Ab12Cd-journal", target + ".tmp-x1Y2z3",
                                       target + ".tmp-x1Y2z3-journal"};
            const QStringList others = {"other.json.tmp-x1Y2z3", target + ".tmp-toolong1", "notes.txt"};
            for (const QString& n : stale + others) {
                QFile f(dir.filePath(n));
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write("left by a killed save");
            }
            const Run r = runScalewright({"convert", sample("stage-03-load-balancer.json"), dir.filePath(target)});
            QVERIFY2(r.code == 0, r.err.constData());
            QStringList expected = others;
            expected << target;
            expected.sort();
            QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
            left.sort();
            QCOMPARE(left, expected);
        }
    }

    // A name with escape codes and a carriage return must not colour the
    // terminal or forge a "0 error(s)" line; JSON keeps the name exact.
    void forgedNamesAreEscaped() {
        const QString file = bad("forged-name.json");
        for (const QStringList& args : {QStringList{"validate", file}, QStringList{"analyze", file},
                                        QStringList{"info", file}, QStringList{"project", file, "--months", "3"}}) {
            const Run r = runScalewright(args);
            QVERIFY2(r.code == 0 || r.code == 1, r.err.constData());
            const QByteArray all = r.out + r.err;
            QVERIFY2(!all.contains('\x1b'), all.constData());
            QVERIFY2(!all.contains('\r'), all.constData());
            for (const QByteArray& line : all.split('\n')) QVERIFY2(!line.startsWith("FAKE"), all.constData());
            QVERIFY2(all.contains("\\x1b[31mRED\\x1b[0m\\n\\rFAKE: 0 error(s)"), all.constData());
        }
        const Run j = runScalewright({"info", "--json", file});
        QCOMPARE(j.code, 0);
        const QString name = jsonOf(j).value("variants").toArray()[0].toObject().value("name").toString();
        QCOMPARE(name, QString::fromUtf8("\x1b[31mRED\x1b[0m\n\rFAKE: 0 error(s)"));
        // Bidirectional overrides reorder what a terminal shows: escaped too.
        const Run b = runScalewright({"analyze", bad("forged-component.json")});
        QVERIFY2(!b.out.contains("\u202e") && !b.out.contains('\x07'), b.out.constData());
    }

    // A link to a missing component is an error: no verb that analyses prints
    // figures for such a design (availability 100 % was the old answer).
    void invalidDesignsAreNotAnalysed() {
        const QString file = bad("link-to-missing.json");
        const QList<QStringList> verbs = {
            {"analyze", file},
            {"analyze", "--json", file},
            {"project", file, "--months", "6"},
            {"simulate", file, "--scenario", "steady"},
            {"compare", file, bad("tiny.json")},
            {"sensitivity", file},
            {"walkthrough", file},
        };
        for (const QStringList& v : verbs) {
            const Run r = runScalewright(v);
            QVERIFY2(r.code == 1, qPrintable(v.join(' ') + ": " + r.err));
            QVERIFY2(r.err.contains("error: link 'web-ghost'"), qPrintable(v.join(' ') + ": " + r.err));
            QVERIFY2(r.err.contains("not analysed: the design has 1 validation error(s)"), r.err.constData());
            QVERIFY2(!r.out.contains("availability"), qPrintable(v.join(' ') + ": " + r.out));
        }
    }

    // 1e17 servers: the old cap (2e9 servers) made the station look saturated
    // and printed 0 ms. Far from saturation the answer is the exponential
    // service time: W = 1000 s, p95 = 1000 s x ln 20.
    void wideTierGetsTheServiceTimeNotZero() {
        QTemporaryDir dir;
        // 2.88e9 users x 100 requests / 86400 s x 3 = 1e7 rps, 1e-7 of capacity.
        const QString file = writeJson(dir, "wide.json", wideTier(2.88e9, 100, 3));
        const Run r = runScalewright({"analyze", "--json", file});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject web = component(jsonOf(r), "web");
        QCOMPARE(web.value("saturated").toBool(), false);
        QCOMPARE(web.value("wq_ms").toDouble(-1), 0.0);
        QVERIFY(std::abs(web.value("w_ms").toDouble() - 1e6) < 1e-3);
        QVERIFY(std::abs(web.value("p95_ms").toDouble() - 1e6 * std::log(20.0)) < 1e-3);
        // Within 8 / sqrt(c) of saturation the limit is stated, not guessed:
        // 99,999,999,990 users x 86,400 requests / 86,400 s x 1000 = 1e14 (1 - 1e-10) rps.
        const QString near = writeJson(dir, "near.json", wideTier(99999999990.0, 86400, 1000));
        const Run n = runScalewright({"analyze", "--json", near});
        QCOMPARE(n.code, 1);
        const QJsonObject j = jsonOf(n);
        const QJsonObject w = component(j, "web");
        QCOMPARE(w.value("saturated").toBool(), false);
        QVERIFY(w.value("wq_ms").isNull() && w.value("w_ms").isNull() && w.value("p95_ms").isNull());
        QStringList codes;
        for (const auto& f : j.value("findings").toArray()) codes << f.toObject().value("code").toString();
        QVERIFY2(codes.contains("server_limit"), qPrintable(codes.join(',')));
    }

    // 3e8 rps x 10 s is a concurrency of 3e9: it wrapped in an int and was
    // clamped to 1 (p50 3.3 ms). Now it is refused, naming the limit.
    void simulatorRefusesAnOverflowingConcurrency() {
        const Run r = runScalewright({"simulate", bad("sim-concurrency.json"), "--scenario", "steady"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("component 'web': concurrency 3000000000 (capacity x service time) is above the "
                                "simulator's limit of 1000000000 concurrent requests per instance"),
                 r.err.constData());
    }

    // The product queue_per_server (1e9 here) x servers is taken in 64 bits:
    // the simulated M/M/4 matches Erlang C's W = 1 + C / (c mu - lambda) =
    // 1.0869565 (lambda 2, mu 1, C = 0.173913).
    void mmcSimulationMatchesErlangC() {
        const Run r = runScalewright({"calc", "mmc", "--lambda", "2", "--mu", "1", "--servers", "4", "--simulate", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = jsonOf(r);
        const double mean = j.value("w").toDouble(), ci = j.value("w_ci95").toDouble();
        QVERIFY2(std::abs(mean - 1.0869565) <= std::max(3 * ci, 0.005), qPrintable(QString::number(mean)));
    }

    // 1e12 rps with the full method would follow every request: refused up
    // front with the estimate and the way out.
    void fullMethodAtATrillionRpsIsRefusedUpFront() {
        const Run r = runScalewright({"simulate", bad("trillion-rps.json"), "--scenario", "steady", "--method", "full"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("the full method would simulate 60000000000000 requests"), r.err.constData());
        QVERIFY2(r.err.contains("use the representative method (--method representative)"), r.err.constData());
    }

    // Ten seconds of a trickle are too few requests for a p95: the JSON says
    // "converged": false and stderr warns; a long enough run says true.
    void shortSimulationsSayTheyDidNotConverge() {
        const Run s = runScalewright({"simulate", bad("trickle.json"), "--scenario", "steady", "--json"});
        QCOMPARE(s.code, 0);
        QCOMPARE(jsonOf(s).value("converged").toBool(true), false);
        QVERIFY2(s.err.contains("warning: not converged: a replicate completed only"), s.err.constData());
        const Run l = runScalewright({"simulate", bad("tiny.json"), "--scenario", "steady", "--json"});
        QCOMPARE(l.code, 0);
        QCOMPARE(jsonOf(l).value("converged").toBool(false), true);
        QVERIFY2(!l.err.contains("not converged"), l.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliHostile)
#include "test_cli_hostile.moc"
