// `scalewright export`: what other tools read must parse there and say what
// the analysis says. The SVG is XML naming every component; DOT goes through
// Graphviz; Mermaid names every component and edge; CSV cells equal
// `analyze --json`; hostile names cannot break any syntax; an unwritable
// path exits 2 and leaves nothing behind.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "tests/support/RunScalewright.h"

using sw::testing::Run;
using sw::testing::runScalewright;

namespace {

QString sample(const char* name) { return QStringLiteral(SW_SAMPLES_DIR "/") + name; }

QJsonObject readJson(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}
// The first variant of a project file, or the file itself when it is one design.
QJsonObject firstDesign(const QString& path) {
    const QJsonObject doc = readJson(path);
    return doc.contains("variants") ? doc["variants"].toArray().first().toObject() : doc;
}
// Text with every "..." string taken out: what the DSL's parser sees as structure.
QString outsideQuotes(const QString& text) {
    QString out;
    bool in = false;
    for (QChar c : text) {
        if (c == '"') in = !in;
        else if (!in) out += c;
    }
    return out;
}

// RFC 4180, read independently of the writer: quoted fields, "" for a quote.
QList<QStringList> parseCsv(const QString& text) {
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false, any = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') quoted = true, any = true;
        else if (c == ',') row << field, field.clear();
        else if (c == '\n') row << field, field.clear(), rows << row, row.clear(), any = false;
        else field += c, any = true;
    }
    if (any || !field.isEmpty()) row << field, rows << row;
    return rows;
}

// The hostile design: stage-03 with names that end strings and start statements.
QString hostileDesign(const QTemporaryDir& dir, QStringList* names) {
    QJsonObject doc = readJson(sample("stage-03-load-balancer.json"));
    const QStringList hostile{QStringLiteral("He said \"hi\"; end"), QStringLiteral("back\\slash\\"),
                              QStringLiteral("line\nbreak\r\x1b[31mred"), QStringLiteral("]] --> x{ } # ${NAME} <b>&amp;`"),
                              QStringLiteral("Ünïcødé 東京 \u202Eevil"), QStringLiteral("subgraph end\" [label=x]")};
    QJsonArray comps = doc["components"].toArray();
    for (int i = 0; i < comps.size(); ++i) {
        QJsonObject c = comps[i].toObject();
        c["name"] = hostile[i % hostile.size()];
        *names << c["name"].toString();
        comps[i] = c;
    }
    doc["components"] = comps;
    doc["name"] = QStringLiteral("Design \"x\"\n}");
    QJsonArray regions = doc["regions"].toArray();
    for (int i = 0; i < regions.size(); ++i) {
        QJsonObject r = regions[i].toObject();
        r["name"] = QStringLiteral("Region \"}\" \\");
        regions[i] = r;
    }
    doc["regions"] = regions;
    const QString path = dir.filePath("hostile.json");
    QFile out(path);
    out.open(QIODevice::WriteOnly);
    out.write(QJsonDocument(doc).toJson());
    return path;
}

bool wellFormedXml(const QByteArray& xml, QStringList* texts) {
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("text")) *texts << r.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    return !r.hasError();
}

}  // namespace

class TestCliExport : public QObject {
    Q_OBJECT
private slots:
    void svgIsXmlNamingEveryComponent() {
        QTemporaryDir dir;
        const QString out = dir.filePath("c.svg"), file = sample("stage-05-caching-layer.json");
        const Run r = runScalewright({"export", file, "--format", "svg", "-o", out});
        QCOMPARE(r.code, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList texts;
        QVERIFY(wellFormedXml(f.readAll(), &texts));
        const QJsonArray comps = firstDesign(file)["components"].toArray();
        QVERIFY(comps.size() >= 4);
        for (const auto& c : comps) {
            // The canvas elides a name wider than its card ("Users (North Am…"): that counts when
            // what is left (four characters or more) starts the name.
            const QString name = c.toObject()["name"].toString();
            bool named = false;
            for (const QString& t : texts) {
                const QString s = t.trimmed();
                named = named || s == name ||
                        (s.endsWith(QChar(0x2026)) && s.size() > 4 && name.startsWith(s.chopped(1)));
            }
            QVERIFY2(named, qPrintable("the SVG's text does not name " + name));
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);   // no temporary left
    }

    void pngAndPdf() {
        QTemporaryDir dir;
        const QString file = sample("stage-03-load-balancer.json");
        QCOMPARE(runScalewright({"export", file, "--format", "png", "--dpi", "96", "-o", dir.filePath("a.png")}).code, 0);
        QCOMPARE(runScalewright({"export", file, "--format", "png", "--dpi", "192", "-o", dir.filePath("b.png")}).code, 0);
        QImage a(dir.filePath("a.png")), b(dir.filePath("b.png"));
        QVERIFY(!a.isNull() && !b.isNull());
        QVERIFY(qAbs(b.width() - 2 * a.width()) <= 2);   // twice the DPI, twice the pixels
        QCOMPARE(qRound(b.dotsPerMeterX() * 0.0254), 192);
        QCOMPARE(runScalewright({"export", file, "--format", "pdf", "-o", dir.filePath("c.pdf")}).code, 0);
        QFile pdf(dir.filePath("c.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.readAll().startsWith("%PDF-"));
        const Run bad = runScalewright({"export", file, "--format", "png", "--dpi", "5000", "-o", dir.filePath("d.png")});
        QCOMPARE(bad.code, 2);
        QVERIFY(!QFile::exists(dir.filePath("d.png")));
    }

    void dotParsesInGraphviz() {
        const QString dot = QStandardPaths::findExecutable("dot");
        if (dot.isEmpty()) QSKIP("graphviz's dot is not installed (installers/install-deps.sh installs it)");
        for (const char* s : {"planet-scale-3-region.json", "stage-12-multi-region.json"}) {
            const Run r = runScalewright({"export", sample(s), "--format", "dot", "-o", "-"});
            QCOMPARE(r.code, 0);
            QVERIFY(r.out.contains("subgraph cluster_r0"));
            QVERIFY(r.out.contains("style=dashed, color="));   // a replication edge drawn apart
            QProcess p;
            p.start(dot, {"-Tsvg"});
            p.write(r.out);
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(60000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            QStringList texts;
            QVERIFY(wellFormedXml(p.readAllStandardOutput(), &texts));
        }
    }

    void mermaidNamesEveryComponentAndEdge() {
        const QString file = sample("planet-scale-3-region.json");
        const QJsonObject doc = firstDesign(file);
        for (const char* style : {"mermaid", "mermaid-architecture"}) {
            const Run r = runScalewright({"export", file, "--format", style, "-o", "-"});
            QCOMPARE(r.code, 0);
            const QString text = QString::fromUtf8(r.out);
            const QJsonArray comps = doc["components"].toArray();
            QMap<QString, QString> node;   // id -> n<i>
            for (int i = 0; i < comps.size(); ++i) {
                QString name = comps[i].toObject()["name"].toString();
                if (QString(style) != "mermaid") name.replace(QRegularExpression("[^\\w .-]"), "_");
                node[comps[i].toObject()["id"].toString()] = QStringLiteral("n%1").arg(i);
                const QRegularExpression def(QStringLiteral("^\\s*(service )?n%1\\b.*%2").arg(i).arg(QRegularExpression::escape(name)),
                                             QRegularExpression::MultilineOption);
                QVERIFY2(def.match(text).hasMatch(), qPrintable(QString(style) + " does not define " + name));
            }
            const QJsonArray links = doc["links"].toArray();
            for (const auto& l : links) {
                const QJsonObject o = l.toObject();
                const bool repl = o["kind"].toString() == "replication";
                const QString arrow = QString(style) == "mermaid" ? (repl ? " -.->|" : " -->|") : (repl ? ":R -- L:" : ":R --> L:");
                const QString from = node[o["from"].toString()], to = node[o["to"].toString()];
                const QRegularExpression edge(QStringLiteral("^\\s*%1%2.*\\b%3$").arg(from, QRegularExpression::escape(arrow), to),
                                              QRegularExpression::MultilineOption);
                QVERIFY2(edge.match(text).hasMatch(), qPrintable(QString(style) + " lacks the edge " + o["id"].toString()));
            }
            QCOMPARE(text.count(QRegularExpression(QStringLiteral("^\\s*n\\d+(:R)? -"), QRegularExpression::MultilineOption)), links.size());
            if (QString(style) == "mermaid") QVERIFY(text.startsWith("flowchart LR\n  subgraph r0 "));
            else QVERIFY(text.contains("\n  group r0(cloud)[US East _N. Virginia_]\n"));
        }
    }

    void structurizrHasDeploymentNodes() {
        const Run r = runScalewright({"export", sample("planet-scale-3-region.json"), "--format", "structurizr", "-o", "-"});
        QCOMPARE(r.code, 0);
        const QString t = QString::fromUtf8(r.out);
        QVERIFY(t.contains("deploymentEnvironment \"Live\""));
        QVERIFY(t.contains("deploymentNode \"US East (N. Virginia)\""));
        QVERIFY(t.contains("deploymentNode \"us-east-1a\""));
        QCOMPARE(t.count('{'), t.count('}'));
    }

    void csvEqualsAnalyzeJson() {
        const QString file = sample("planet-scale-3-region.json");
        const Run j = runScalewright({"analyze", "--json", file});
        const QJsonObject a = QJsonDocument::fromJson(j.out).object();
        const Run t = runScalewright({"export", file, "--format", "csv", "--table", "tiers", "-o", "-"});
        QCOMPARE(t.code, 0);
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(t.out));
        const QJsonArray comps = a["components"].toArray();
        QCOMPARE(rows.size(), comps.size() + 1);
        const QStringList head = rows[0];
        int checked = 0;
        for (int i = 0; i < comps.size(); ++i) {
            const QJsonObject c = comps[i].toObject();
            QCOMPARE(rows[i + 1].size(), head.size());
            for (int k = 0; k < head.size(); ++k) {
                if (head[k] == "name") continue;
                const QJsonValue v = c[head[k]];
                QVERIFY2(!v.isUndefined(), qPrintable("no JSON key " + head[k]));
                const QString cell = rows[i + 1][k];
                if (v.isNull()) QVERIFY(cell.isEmpty());
                else if (v.isBool()) QCOMPARE(cell, v.toBool() ? "true" : "false");
                else if (v.isString()) QCOMPARE(cell, v.toString());
                else QCOMPARE(cell.toDouble(), v.toDouble());   // exactly the same double
                ++checked;
            }
        }
        QVERIFY(checked > 100);
        const Run c = runScalewright({"export", file, "--format", "csv", "--table", "cost", "-o", "-"});
        const QList<QStringList> cost = parseCsv(QString::fromUtf8(c.out));
        QCOMPARE(cost.size(), 2);
        const QJsonObject cj = a["cost"].toObject();
        for (int k = 0; k < cost[0].size(); ++k) {
            const QString key = cost[0][k];
            const double want = key.startsWith("by_region_usd:") ? cj["by_region_usd"].toObject()[key.mid(14)].toDouble()
                                                                 : cj[key].toDouble();
            QVERIFY2(cj.contains(key) || key.startsWith("by_region_usd:"), qPrintable(key));
            QCOMPARE(cost[1][k].toDouble(), want);
        }
        QVERIFY(cost[0].contains("total_usd"));
        // The projection: what `project --csv` prints.
        const Run pe = runScalewright({"export", file, "--format", "csv", "--table", "projection", "--months", "12", "-o", "-"});
        const Run pp = runScalewright({"project", file, "--months", "12", "--csv"});
        QCOMPARE(pe.code, 0);
        QCOMPARE(pe.out, pp.out);
    }

    void hostileNamesKeepEverySyntax() {
        QTemporaryDir dir;
        QStringList names;
        const QString file = hostileDesign(dir, &names);
        // DOT: Graphviz reads it and draws each name (control characters shown as escapes).
        const Run d = runScalewright({"export", file, "--format", "dot", "-o", "-"});
        QCOMPARE(d.code, 0);
        QVERIFY(!d.out.contains('\x1b') && !d.out.contains('\r'));
        const QString dot = QStandardPaths::findExecutable("dot");
        if (!dot.isEmpty()) {
            QProcess p;
            p.start(dot, {"-Tsvg"});
            p.write(d.out);
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(60000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            QStringList texts;
            QVERIFY(wellFormedXml(p.readAllStandardOutput(), &texts));
            QVERIFY(texts.contains(QStringLiteral("He said \"hi\"; end")));
            QVERIFY(texts.contains(QStringLiteral("back\\slash\\")));
        }
        // Mermaid flowchart: each label one "..." without a raw quote inside, one line each.
        const Run m = runScalewright({"export", file, "--format", "mermaid", "-o", "-"});
        QCOMPARE(m.code, 0);
        for (const QString& line : QString::fromUtf8(m.out).split('\n', Qt::SkipEmptyParts)) {
            QVERIFY2(line.count('"') % 2 == 0, qPrintable(line));
            QVERIFY2(!line.contains('<') && !line.contains('`'), qPrintable(line));
        }
        QVERIFY(m.out.contains("He said #quot;hi#quot;; end"));
        QCOMPARE(m.out.count('\n'), runScalewright({"export", sample("stage-03-load-balancer.json"), "--format", "mermaid", "-o", "-"}).out.count('\n'));
        // architecture-beta: titles hold no bracket, quote or brace.
        const Run ma = runScalewright({"export", file, "--format", "mermaid-architecture", "-o", "-"});
        QRegularExpression title(QStringLiteral("\\[([^\\]]*)\\]"));
        for (auto it = title.globalMatch(QString::fromUtf8(ma.out)); it.hasNext();)
            QVERIFY(!it.next().captured(1).contains(QRegularExpression("[\"{}\\[\\\\$#<>]")));
        // Structurizr: quotes balanced on every line, braces balanced, no "${".
        const Run s = runScalewright({"export", file, "--format", "structurizr", "-o", "-"});
        QCOMPARE(s.code, 0);
        const QString st = QString::fromUtf8(s.out);
        for (const QString& line : st.split('\n', Qt::SkipEmptyParts)) {
            QVERIFY2(line.count('"') % 2 == 0, qPrintable(line));
            QVERIFY2(!line.endsWith('\\'), qPrintable(line));
        }
        QVERIFY(!st.contains("${"));
        QCOMPARE(outsideQuotes(st).count('{'), outsideQuotes(st).count('}'));
        // SVG: still XML; CSV: the names read back exactly.
        const Run v = runScalewright({"export", file, "--format", "svg", "-o", dir.filePath("h.svg")});
        QCOMPARE(v.code, 0);
        QFile f(dir.filePath("h.svg"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList texts;
        QVERIFY(wellFormedXml(f.readAll(), &texts));
        const Run c = runScalewright({"export", file, "--format", "csv", "-o", "-"});
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(c.out));
        QStringList csvNames;
        for (int i = 1; i < rows.size(); ++i) csvNames << rows[i][1];
        QCOMPARE(csvNames, names);
    }

    void unwritablePathExitsTwoLeavingNothing() {
        QTemporaryDir dir;
        const QString file = sample("stage-03-load-balancer.json");
        QDir(dir.path()).mkdir("sub");
        for (const QString& out : {dir.filePath("missing/x.dot"), dir.filePath("sub"), QStringLiteral("/dev/full")}) {
            for (const char* fmt : {"dot", "png", "csv"}) {
                const Run r = runScalewright({"export", file, "--format", fmt, "-o", out});
                QCOMPARE(r.code, 2);
                QVERIFY(!r.err.isEmpty());
            }
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{"sub"});
        QVERIFY(QDir(dir.filePath("sub")).isEmpty());
        // Binary formats never go to standard output; usage errors are 2 too.
        QCOMPARE(runScalewright({"export", file, "--format", "png", "-o", "-"}).code, 2);
        QCOMPARE(runScalewright({"export", file, "--format", "jpeg", "-o", "-"}).code, 2);
        QCOMPARE(runScalewright({"export", file, "--format", "dot", "--table", "cost", "-o", "-"}).code, 2);
        QCOMPARE(runScalewright({"export", file, "--format", "dot"}).code, 2);
    }

    void invalidDesignExitsOneAsAnalyzeDoes() {
        QTemporaryDir dir;
        QJsonObject doc = readJson(sample("stage-03-load-balancer.json"));
        QJsonArray links = doc["links"].toArray();
        QJsonObject l = links[0].toObject();
        l["to"] = "nowhere";
        links[0] = l;
        doc["links"] = links;
        QFile out(dir.filePath("bad.json"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(doc).toJson());
        out.close();
        const int analyzeCode = runScalewright({"analyze", dir.filePath("bad.json")}).code;
        QCOMPARE(analyzeCode, 1);
        QCOMPARE(runScalewright({"export", dir.filePath("bad.json"), "--format", "dot", "-o", dir.filePath("x.dot")}).code, analyzeCode);
        QVERIFY(!QFile::exists(dir.filePath("x.dot")));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "test_cli_export.moc"
