// The figures docs/samples.md and docs/seed-notes.md quote about the bundled
// samples, re-analysed: each ```figures row names a sample, a variant, a path
// into the analysis JSON (the keys of `scalewright analyze --json`), the value
// the doc quotes and a tolerance. A doc that drifts from what the engine
// prints fails here.
//
//   test_sample_figures            run the comparison (ctest does this)
//   test_sample_figures --print    print every block's rows with today's values
//   test_sample_figures --update   rewrite the blocks in the docs with them
#include <QDir>
#include <QFile>
#include <QtTest>
#include <cstdio>
#include <cstring>
#include <map>

#include "FiguresBlock.h"
#include "model/JsonFormat.h"
#include "planner/Analysis.h"
#include "planner/AnalysisJson.h"

namespace {

using sw::testing::FigureRow;

const QStringList kDocs = {"samples.md", "seed-notes.md"};

QString docPath(const QString& name) { return QDir(SW_DOCS_DIR).filePath(name); }

std::string readText(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().toStdString();
}

// The analysis JSON of a sample's variant, computed once per (file, variant).
class Analyses {
public:
    const nlohmann::json* of(const std::string& file, const std::string& variant, std::string& error) {
        const std::string key = file + "#" + variant;
        if (auto it = cache_.find(key); it != cache_.end()) return &it->second;
        auto p = sw::readProjectJsonFile(QDir(SW_SAMPLES_DIR).filePath(QString::fromStdString(file)).toStdString());
        if (!p.ok()) {
            error = file + ": " + p.error();
            return nullptr;
        }
        const int index = std::atoi(variant.c_str());
        if (index < 1 || index > static_cast<int>(p.value().variants.size())) {
            error = file + ": no variant " + variant;
            return nullptr;
        }
        const sw::Design& d = p.value().variants[static_cast<std::size_t>(index - 1)];
        return &(cache_[key] = nlohmann::json::parse(sw::analysisToJson(d, sw::analyze(d), false)));
    }

private:
    std::map<std::string, nlohmann::json> cache_;
};

// Today's value of every row of a doc; NaN where the path names nothing.
std::vector<double> currentValues(const std::vector<FigureRow>& rows, Analyses& analyses) {
    std::vector<double> out;
    for (const FigureRow& r : rows) {
        std::string error;
        const nlohmann::json* a = analyses.of(r.file, r.variant, error);
        const auto v = a ? sw::testing::figureAt(*a, r.metric) : std::nullopt;
        out.push_back(v ? *v : std::nan(""));
    }
    return out;
}

// --print / --update: the lead's way to regenerate the blocks after a model change.
int printOrUpdate(bool update) {
    Analyses analyses;
    for (const QString& doc : kDocs) {
        const std::string text = readText(docPath(doc));
        const auto block = sw::testing::parseFiguresBlocks(text);
        if (!block.error.empty()) {
            std::fprintf(stderr, "docs/%s: %s\n", qPrintable(doc), block.error.c_str());
            return 1;
        }
        const std::vector<double> values = currentValues(block.rows, analyses);
        if (update) {
            QFile f(docPath(doc));
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 1;
            f.write(QByteArray::fromStdString(sw::testing::replaceFigureValues(text, values)));
            std::printf("docs/%s: %zu figures rewritten\n", qPrintable(doc), values.size());
            continue;
        }
        std::printf("# docs/%s\n", qPrintable(doc));
        for (std::size_t i = 0; i < block.rows.size(); ++i)
            std::printf("%s\n", sw::testing::formatFigureRow(block.rows[i], values[i]).c_str());
    }
    return 0;
}

}  // namespace

class TestSampleFigures : public QObject {
    Q_OBJECT

private slots:
    void blocksParse_data() { docs(); }
    void blocksParse() {
        QFETCH(QString, doc);
        const auto block = sw::testing::parseFiguresBlocks(readText(docPath(doc)));
        QVERIFY2(block.error.empty(), block.error.c_str());
        QVERIFY2(block.rows.size() >= 10, qPrintable(doc + " quotes too few figures"));
    }

    void figuresMatchTheEngine_data() {
        QTest::addColumn<QString>("doc");
        QTest::addColumn<int>("row");
        for (const QString& doc : kDocs) {
            const auto block = sw::testing::parseFiguresBlocks(readText(docPath(doc)));
            for (std::size_t i = 0; i < block.rows.size(); ++i) {
                const FigureRow& r = block.rows[i];
                QTest::newRow(qPrintable(QString("%1:%2 %3 %4").arg(doc).arg(r.line).arg(r.file.c_str(), r.metric.c_str())))
                    << doc << static_cast<int>(i);
            }
        }
    }
    void figuresMatchTheEngine() {
        QFETCH(QString, doc);
        QFETCH(int, row);
        const FigureRow r = sw::testing::parseFiguresBlocks(readText(docPath(doc))).rows[static_cast<std::size_t>(row)];
        std::string error;
        const nlohmann::json* a = analyses_.of(r.file, r.variant, error);
        QVERIFY2(a, error.c_str());
        const auto v = sw::testing::figureAt(*a, r.metric);
        QVERIFY2(v, qPrintable(QString("%1 has no number at %2").arg(r.file.c_str(), r.metric.c_str())));
        QVERIFY2(std::abs(*v - r.value) <= r.tolerance,
                 qPrintable(QString("docs/%1 line %2 quotes %3 = %4, the engine gives %5 (run "
                                    "test_sample_figures --print)")
                                .arg(doc).arg(r.line).arg(r.metric.c_str()).arg(r.value, 0, 'g', 12)
                                .arg(*v, 0, 'g', 12)));
    }

    // The lookup itself, on a hand-written JSON: a path that names nothing is
    // refused rather than read as zero.
    void lookupFindsOnlyWhatIsThere() {
        const auto j = nlohmann::json::parse(
            R"({"summary":{"availability":0.99,"p95_ms":{"eu":null}},"components":[{"id":"a","utilization":0.5}]})");
        QCOMPARE(*sw::testing::figureAt(j, "summary.availability"), 0.99);
        QCOMPARE(*sw::testing::figureAt(j, "components[a].utilization"), 0.5);
        QVERIFY(!sw::testing::figureAt(j, "components[b].utilization"));
        QVERIFY(!sw::testing::figureAt(j, "summary.p95_ms.eu"));
        QVERIFY(!sw::testing::figureAt(j, "summary.nines"));
        QVERIFY(!sw::testing::parseFiguresBlocks("```figures\na.json 1 x notanumber 1\n```\n").error.empty());
    }

private:
    static void docs() {
        QTest::addColumn<QString>("doc");
        for (const QString& d : kDocs) QTest::newRow(qPrintable(d)) << d;
    }
    Analyses analyses_;
};

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--print") == 0) return printOrUpdate(false);
        if (std::strcmp(argv[i], "--update") == 0) return printOrUpdate(true);
    }
    TestSampleFigures t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_sample_figures.moc"
