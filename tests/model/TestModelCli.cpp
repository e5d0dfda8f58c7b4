// The model's verbs run as a user runs them: the built `scalewright` binary
// in a process, checking exit codes, stdout and the one-line messages.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "model/Model.h"
#include "tests/support/TestDesigns.h"

using namespace sw;

namespace {

struct Run {
    int code = -1;
    QString out, err;
    int errLines() const { return err.isEmpty() ? 0 : static_cast<int>(err.count('\n')); }
};

Run scalewright(const QStringList& args) {
    QProcess p;
    p.setProgram(QStringLiteral(SW_BINARY_DIR "/app/scalewright"));
    p.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start();
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = "did not finish";
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

std::string slurp(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

class TestModelCli : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString good_, calm_, bad_, broken_;

    QString path(const char* name) const { return tmp_.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        QVERIFY2(QFile::exists(SW_BINARY_DIR "/app/scalewright"), "build the scalewright target first");
        good_ = path("good.json");
        QVERIFY(!saveProject(good_.toStdString(), testing::handMadeProject()));
        // validate lists the analysis' findings too: the hand-made stack at
        // its own workload saturates several tiers and outgrows others. A
        // fiftieth of its users and no growth leave it with none at all.
        Design calm = testing::handMadeDesign();
        calm.workload.users /= 50;
        calm.workload.monthly_growth = 0;
        // The slow-failover check reads the primary's promotion time: 35 s
        // plus 7.5 s of detection is over the 30 s target, 15 s is not.
        for (Component& c : calm.components)
            if (c.id == "db") c.params.failover_s = 15;
        calm_ = path("calm.json");
        std::ofstream(calm_.toStdString()) << designToJson(calm);
        Design cyclic = calm;
        cyclic.links.push_back(testing::makeLink("l-back", "cache", "lb"));
        bad_ = path("cyclic.json");
        std::ofstream(bad_.toStdString()) << designToJson(cyclic);
        broken_ = path("broken.json");
        std::ofstream(broken_.toStdString())
            << R"({"components":[{"id":"a","kind":"service","instances":-2},{"id":"b","kind":"robot"}]})";
    }

    void helpAndVersion() {
        Run h = scalewright({"--help"});
        QCOMPARE(h.code, 0);
        QVERIFY(h.err.isEmpty());
        for (const char* verb : {"validate", "convert", "info"}) QVERIFY2(h.out.contains(verb), verb);
        QVERIFY(h.out.contains("Exit codes: 0"));
        Run v = scalewright({"--version"});
        QCOMPARE(v.code, 0);
        QVERIFY2(QRegularExpression(R"(^scalewright \d+\.\d+\.\d+\n$)").match(v.out).hasMatch(), qPrintable(v.out));
        Run vh = scalewright({"validate", "--help"});
        QCOMPARE(vh.code, 0);
        QVERIFY(vh.out.contains("--variant"));
    }

    void validateExitCodes() {
        Run ok = scalewright({"validate", calm_});
        QCOMPARE(ok.code, 0);
        QVERIFY(ok.err.isEmpty());
        QVERIFY2(ok.out.contains(": Hand-made web stack: 0 error(s), 0 warning(s), 14 components"), qPrintable(ok.out));
        Run findings = scalewright({"validate", bad_});
        QCOMPARE(findings.code, 1);
        QVERIFY2(findings.out.contains("error: calls form a cycle: 'lb' -> 'API tier' (api) -> 'cache' -> 'lb' "
                                       "[call_cycle]"),
                 qPrintable(findings.out));
        Run refused = scalewright({"validate", broken_});
        QCOMPARE(refused.code, 2);
        QCOMPARE(refused.err, "scalewright: " + broken_ + ": components[0].instances: -2 is below the minimum 1\n" +
                                  "scalewright: " + broken_ + ": components[1].kind: 'robot' is not one of "
                                  "user_group, dns, cdn, load_balancer, service, cache, database, queue, "
                                  "object_storage\n");
        QVERIFY(refused.out.isEmpty());
    }

    void validateJson() {
        Run r = scalewright({"validate", "--json", bad_});
        QCOMPARE(r.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o["valid"].toBool(true), false);
        const QJsonObject v = o["variants"].toArray().at(0).toObject();
        QCOMPARE(v["errors"].toInt(), 1);
        QCOMPARE(v["findings"].toArray().at(0).toObject()["code"].toString(), QString("call_cycle"));
        QCOMPARE(v["findings"].toArray().at(0).toObject()["subject"].toString(), QString("lb"));
        Run one = scalewright({"validate", "--json", "--variant", "Ten times the users", good_});
        QCOMPARE(one.code, 1);   // ten times the users saturate its tiers: errors
        const QJsonObject o1 = QJsonDocument::fromJson(one.out.toUtf8()).object();
        QCOMPARE(o1["variants"].toArray().size(), 1);
        QCOMPARE(o1["variants"].toArray().at(0).toObject()["variant"].toString(), QString("Ten times the users"));
        Run none = scalewright({"validate", "--variant", "nope", good_});
        QCOMPARE(none.code, 2);
        QCOMPARE(none.err, QString("scalewright: no variant 'nope'; the project has: Hand-made web stack, Ten times "
                                   "the users\n"));
    }

    void usageErrors() {
        Run missing = scalewright({"validate", path("missing.json")});
        QCOMPARE(missing.code, 2);
        QCOMPARE(missing.errLines(), 1);
        QCOMPARE(missing.err, "scalewright: " + path("missing.json") + ": no such file\n");
        Run missingSw = scalewright({"info", path("missing.swproj")});
        QCOMPARE(missingSw.code, 2);
        QCOMPARE(missingSw.err, "scalewright: " + path("missing.swproj") + ": no such file\n");
        Run dir = scalewright({"validate", tmp_.path()});
        QCOMPARE(dir.code, 2);
        QCOMPARE(dir.errLines(), 1);
        Run option = scalewright({"validate", "--frobnicate", good_});
        QCOMPARE(option.code, 2);
        QCOMPARE(option.errLines(), 1);
        QVERIFY2(option.err.contains("frobnicate"), qPrintable(option.err));
        Run args = scalewright({"convert", good_});
        QCOMPARE(args.code, 2);
        QCOMPARE(args.errLines(), 1);
        Run top = scalewright({"--frobnicate"});
        QCOMPARE(top.code, 2);
        QCOMPARE(top.err, QString("scalewright: unknown option '--frobnicate'; see 'scalewright --help'\n"));
    }

    // json -> swproj -> json gives back the same text as the model writes.
    void convertBothWays() {
        const QString sw = path("conv.swproj"), back = path("back.json");
        Run a = scalewright({"convert", good_, sw});
        QCOMPARE(a.code, 0);
        QVERIFY(a.err.isEmpty());
        QCOMPARE(a.out, "wrote " + sw + QStringLiteral(" (2 variant(s), %1 bytes)\n").arg(QFileInfo(sw).size()));
        Run b = scalewright({"convert", sw, back});
        QCOMPARE(b.code, 0);
        QCOMPARE(slurp(back), slurp(good_));
        QCOMPARE(slurp(back), projectToJson(testing::handMadeProject()));
        // No temporary file is left next to the outputs.
        QCOMPARE(QDir(tmp_.path()).entryList({"*tmp*", "*journal*"}, QDir::Files), QStringList());
    }

    void convertNeverLosesAFile() {
        const QString out = path("existing.swproj");
        QVERIFY(!saveProject(out.toStdString(), testing::handMadeProject()));
        const std::string before = slurp(out);
        Run noForce = scalewright({"convert", bad_, out});
        QCOMPARE(noForce.code, 2);
        QCOMPARE(noForce.err, "scalewright convert: " + out + " exists; pass --force to overwrite it\n");
        QCOMPARE(slurp(out), before);
        // Unreadable input: the output is neither created nor touched.
        Run brokenIn = scalewright({"convert", "--force", broken_, out});
        QCOMPARE(brokenIn.code, 2);
        QCOMPARE(slurp(out), before);
        Run brokenNew = scalewright({"convert", broken_, path("never.swproj")});
        QCOMPARE(brokenNew.code, 2);
        QVERIFY(!QFile::exists(path("never.swproj")));
        // A file that is not a project is not replaced, even with --force.
        const QString notes = path("notes.swproj");
        std::ofstream(notes.toStdString()) << "my notes\n";
        Run foreign = scalewright({"convert", "--force", good_, notes});
        QCOMPARE(foreign.code, 2);
        QCOMPARE(foreign.errLines(), 1);
        QCOMPARE(slurp(notes), std::string("my notes\n"));
        // With --force an existing project is replaced.
        Run forced = scalewright({"convert", "--force", bad_, out});
        QCOMPARE(forced.code, 0);
        auto p = loadProject(out.toStdString());
        QVERIFY2(p.ok(), p.error().c_str());
        QCOMPARE(p.value().variants.size(), std::size_t(1));
        Run same = scalewright({"convert", "--force", good_, good_});
        QCOMPARE(same.code, 2);
        QCOMPARE(same.err, "scalewright convert: IN and OUT are the same file\n");
        QVERIFY(QFile::link(good_, path("alias.json")));
        const std::string goodBefore = slurp(good_);
        Run alias = scalewright({"convert", "--force", good_, path("alias.json")});
        QCOMPARE(alias.code, 2);
        QCOMPARE(slurp(good_), goodBefore);
    }

    void infoJson() {
        Run r = scalewright({"info", "--json", good_});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.isEmpty());
        QJsonParseError pe;
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QCOMPARE(o["name"].toString(), QString("Hand-made project"));
        const QJsonArray vs = o["variants"].toArray();
        QCOMPARE(vs.size(), 2);
        const QJsonObject v = vs.at(0).toObject();
        QCOMPARE(v["components"].toInt(), 14);
        QCOMPARE(v["links"].toInt(), 15);
        QCOMPARE(v["components_by_kind"].toObject()["database"].toInt(), 4);
        QCOMPARE(v["components_by_kind"].toObject()["user_group"].toInt(), 2);
        // lb 2 + api 6 + worker 3 + cache 2 + db 1 + 2 replicas + 8 shards x 2 + dns, cdn, queue, objects 1 each
        QCOMPARE(v["instances"].toDouble(), 36.0);
        QCOMPARE(v["regions"].toArray().size(), 3);
        QCOMPARE(v["workload"].toObject()["users"].toDouble(), 2.5e6);
        Run text = scalewright({"info", good_});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.startsWith("Project: Hand-made project (2 variant(s))\n"));
    }
};

QTEST_GUILESS_MAIN(TestModelCli)
#include "TestModelCli.moc"
