// The command line's front end: a typo or a missing file exits 2 at once
// (never a window that waits), "-" reads standard input on every reading
// verb, each verb's --help names it, and the writing verbs speak JSON.
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/RunScalewright.h"

using sw::testing::Run;
using sw::testing::runScalewright;
using sw::testing::runScalewrightWithInput;

namespace {

QString sample(const char* name) { return QStringLiteral(SW_SAMPLES_DIR "/") + name; }
QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
QJsonObject jsonOf(const Run& r) { return QJsonDocument::fromJson(r.out).object(); }

// As a CI job: a platform that could open a window, so a verb mistaken for a
// file to open would start the GUI and wait.
QProcessEnvironment ciEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

}  // namespace

class TestCliFrontEnd : public QObject {
    Q_OBJECT
private slots:
    void mistypedVerbExitsAtOnce() {
        const Run r = runScalewright({"valdate", sample("stage-01-single-server.json")}, 15000, nullptr, ciEnvironment());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("unknown verb 'valdate'"), r.err.constData());
        QVERIFY2(r.err.contains("did you mean 'validate'?"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        // A transposition is one edit too.
        const Run t = runScalewright({"anaylze", "x.json"}, 15000, nullptr, ciEnvironment());
        QCOMPARE(t.code, 2);
        QVERIFY2(t.err.contains("did you mean 'analyze'?"), t.err.constData());
        // Nothing near: no suggestion, still at once.
        const Run far = runScalewright({"frobnicate", "x.json"}, 15000, nullptr, ciEnvironment());
        QCOMPARE(far.code, 2);
        QVERIFY2(far.err.contains("unknown verb 'frobnicate'"), far.err.constData());
        QVERIFY(!far.err.contains("did you mean"));
    }

    void missingFileExitsAtOnce() {
        const Run r = runScalewright({"/nonexistent/design.json"}, 15000, nullptr, ciEnvironment());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("/nonexistent/design.json: no such file"), r.err.constData());
        const Run dir = runScalewright({QStringLiteral(SW_SAMPLES_DIR)}, 15000, nullptr, ciEnvironment());
        QCOMPARE(dir.code, 2);
        QVERIFY2(dir.err.contains("not a file"), dir.err.constData());
    }

    void standardInputOnEveryReadingVerb() {
        const QString file = sample("stage-05-caching-layer.json");
        const QByteArray bytes = readAll(file);
        QVERIFY(!bytes.isEmpty());
        // The same answer from the file and from a pipe.
        const QList<QStringList> verbs = {{"analyze", "--json"}, {"validate", "--json"}, {"info", "--json"},
                                          {"project", "--months", "6", "--json"}};
        for (const QStringList& v : verbs) {
            QStringList fromFile = v, fromPipe = v;
            fromFile.insert(1, file);
            fromPipe.insert(1, QStringLiteral("-"));
            const Run a = runScalewright(fromFile);
            const Run b = runScalewrightWithInput(fromPipe, bytes);
            QVERIFY2(a.code == 0 || a.code == 1, a.err.constData());
            QCOMPARE(b.code, a.code);
            QJsonObject ja = jsonOf(a), jb = jsonOf(b);
            ja.remove(QStringLiteral("file"));
            jb.remove(QStringLiteral("file"));
            QVERIFY2(!ja.isEmpty(), v.join(' ').toUtf8().constData());
            QVERIFY2(ja == jb, (v.join(' ') + ": " + b.err).toUtf8().constData());
        }
        // /dev/stdin from a pipe reads the design, not a misleading parse error.
        const Run info = runScalewrightWithInput({"info", "/dev/stdin"}, bytes);
        QVERIFY2(info.code == 0, info.err.constData());
        QVERIFY(info.out.contains("Project:"));
        // Bad input on standard input is named as such.
        const Run bad = runScalewrightWithInput({"analyze", "-"}, "{ not json");
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains("standard input"), bad.err.constData());
    }

    void swprojOnStandardInput() {
        QTemporaryDir dir;
        const QString proj = dir.filePath("p.swproj");
        QCOMPARE(runScalewright({"convert", sample("stage-03-load-balancer.json"), proj}).code, 0);
        const Run a = runScalewright({"info", "--json", proj});
        const Run b = runScalewrightWithInput({"info", "--json", "-"}, readAll(proj));
        QCOMPARE(b.code, 0);
        QCOMPARE(jsonOf(b), jsonOf(a));
    }

    void verbHelpNamesTheVerb() {
        const Run r = runScalewright({"analyze", "--help"});
        QCOMPARE(r.code, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.startsWith("Usage: scalewright analyze [options] FILE\n"), r.out.constData());
        // The argument has a description, not its own name again.
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("\\n\\s*FILE\\s+FILE\\s*\\n"))), r.out.constData());
        QVERIFY2(text.contains("standard input"), r.out.constData());
        // --help-all is the same help: Qt's own options are no verb's.
        const Run all = runScalewright({"analyze", "--help-all"});
        QCOMPARE(all.code, 0);
        QVERIFY2(!all.out.contains("-platform") && !all.out.contains("-reverse"), all.out.constData());
        QCOMPARE(all.out, r.out);
        const Run convert = runScalewright({"convert", "--help"});
        QVERIFY2(convert.out.startsWith("Usage: scalewright convert [options] IN OUT\n"), convert.out.constData());
    }

    void writingVerbsSpeakJson() {
        QTemporaryDir dir;
        const QString out = dir.filePath("s.swproj");
        const Run c = runScalewright({"convert", "--json", sample("stage-03-load-balancer.json"), out});
        QCOMPARE(c.code, 0);
        const QJsonObject jc = jsonOf(c);
        QCOMPARE(jc.value("output").toString(), out);
        QCOMPARE(jc.value("format").toString(), QStringLiteral("swproj"));
        QCOMPARE(jc.value("variants").toInt(), 1);
        QCOMPARE(jc.value("bytes").toInteger(), QFileInfo(out).size());

        const QString pdf = dir.filePath("r.pdf");
        const Run r = runScalewright({"report", "--json", sample("stage-03-load-balancer.json"), "-o", pdf});
        QCOMPARE(r.code, 0);
        const QJsonObject jr = jsonOf(r);
        QCOMPARE(jr.value("output").toString(), pdf);
        QVERIFY(jr.value("pages").toInt() >= 2);
        QCOMPARE(jr.value("bytes").toInteger(), QFileInfo(pdf).size());
        // The page count is the PDF's own.
        const int pages = static_cast<int>(
            QString::fromLatin1(readAll(pdf)).count(QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]"))));
        QCOMPARE(jr.value("pages").toInt(), pages);

        const QString png = dir.filePath("w.png");
        const Run s = runScalewright({"screenshot", "--json", sample("stage-03-load-balancer.json"), "-o", png});
        QCOMPARE(s.code, 0);
        const QJsonObject js = jsonOf(s);
        // The size is the PNG's own (its IHDR chunk: big-endian width, height at bytes 16 and 20).
        const QByteArray head = readAll(png).left(24);
        QCOMPARE(head.size(), 24);
        auto be32 = [&](int at) {
            return (quint32(quint8(head[at])) << 24) | (quint32(quint8(head[at + 1])) << 16) |
                   (quint32(quint8(head[at + 2])) << 8) | quint32(quint8(head[at + 3]));
        };
        QCOMPARE(js.value("width").toInt(), int(be32(16)));
        QCOMPARE(js.value("height").toInt(), int(be32(20)));
        QVERIFY(js.value("width").toInt() >= 1000);
        QCOMPARE(js.value("bytes").toInteger(), QFileInfo(png).size());
    }

    void simulateProgressOnlyOnATerminal() {
        // Captured stderr is not a terminal: no progress lines unless asked.
        const QStringList args = {"simulate", sample("stage-03-load-balancer.json"), "--scenario", "web-a-down",
                                  "--duration", "120"};
        const Run quiet = runScalewright(args);
        QVERIFY2(quiet.code == 0 || quiet.code == 1, quiet.err.constData());
        QVERIFY2(!quiet.err.contains(" %\n"), quiet.err.constData());
        const Run loud = runScalewright(args + QStringList{"--progress"});
        QCOMPARE(loud.code, quiet.code);
        QVERIFY2(loud.err.contains(": 100 %\n"), loud.err.constData());
        QCOMPARE(loud.out, quiet.out);
    }
};

QTEST_GUILESS_MAIN(TestCliFrontEnd)
#include "test_cli_front_end.moc"
