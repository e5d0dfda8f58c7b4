// docs/bad-input.md holds a table of bad inputs: the command, the exit code
// and the exact message the user sees. This suite reads that table and runs
// every row through the built binary, so the document cannot drift from what
// the tool prints (and a row that crashes, hangs or says something else fails).
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "model/Limits.h"
#include "tests/support/RunScalewright.h"

using sw::testing::Run;
using sw::testing::runScalewright;

namespace {

const QString kDoc = QStringLiteral(SW_SAMPLES_DIR "/../docs/bad-input.md");
const QString kData = QStringLiteral(SW_TESTDATA_DIR "/bad");

struct Row {
    int number = 0;
    QString input, command;
    int exit = -1;
    QStringList messages;   // each must appear in stdout + stderr
};

// The cells of a Markdown table row; "\|" is a literal bar inside a cell.
QStringList cells(const QString& line) {
    QStringList out;
    QString cell;
    for (qsizetype i = 1; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
            cell += '|';
            ++i;
        } else if (line[i] == '|') {
            out << cell.trimmed();
            cell.clear();
        } else {
            cell += line[i];
        }
    }
    return out;
}

// The `code spans` of a cell, in order.
QStringList spans(const QString& cell) {
    QStringList out;
    static const QRegularExpression re(QStringLiteral("`([^`]+)`"));
    for (auto it = re.globalMatch(cell); it.hasNext();) out << it.next().captured(1);
    return out;
}

QList<Row> readTable() {
    QList<Row> rows;
    QFile f(kDoc);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return rows;
    for (const QString& line : QString::fromUtf8(f.readAll()).split('\n')) {
        if (!line.startsWith('|')) continue;
        const QStringList c = cells(line);
        bool ok = false;
        const int n = c.value(0).toInt(&ok);
        if (!ok || c.size() < 6) continue;
        Row r;
        r.number = n;
        r.input = c[1];
        r.command = spans(c[2]).value(0);
        r.exit = c[3].toInt(&ok);
        if (!ok) r.exit = -2;
        r.messages = spans(c[4]);
        rows << r;
    }
    return rows;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The inputs too big (or too special) to keep in the repository.
bool makeGenerated(const QString& dir) {
    QDir().mkpath(dir + "/dir");
    if (::mkfifo(QFile::encodeName(dir + "/fifo").constData(), 0600) != 0) return false;
    if (::mkfifo(QFile::encodeName(dir + "/out.json").constData(), 0600) != 0) return false;
    // 64 MiB + 1 byte: one past the input limit.
    QByteArray big(64 * 1024 * 1024 + 1, ' ');
    big[0] = '{';
    if (!writeFile(dir + "/big.json", big)) return false;
    big[0] = '#';
    if (!writeFile(dir + "/big.csv", big)) return false;
    // 100,001 components: one past the limit per design.
    QByteArray huge = R"({"format": "scalewright", "name": "Huge", "components": [)";
    for (int i = 0; i <= 100000; ++i) {
        if (i) huge += ',';
        huge += R"({"id": "c)" + QByteArray::number(i) + R"(", "kind": "service"})";
    }
    huge += "]}\n";
    if (!writeFile(dir + "/huge.json", huge)) return false;
    // 4,000,001 values.
    QByteArray values = R"({"name": [)";
    values.reserve(8100000);
    for (int i = 0; i < 4000001; ++i) values += i ? ",0" : "0";
    values += "]}\n";
    return writeFile(dir + "/many-values.json", values);
}

QString expand(QString s, const QString& tmp) {
    s.replace(QStringLiteral("$DATA"), kData);
    s.replace(QStringLiteral("$TMP"), tmp);
    s.replace(QStringLiteral("$SAMPLES"), QStringLiteral(SW_SAMPLES_DIR));
    return s;
}

}  // namespace

class TestBadInputDoc : public QObject {
    Q_OBJECT
private slots:
    void tableHasSixtyNumberedRows() {
        const QList<Row> rows = readTable();
        QVERIFY2(rows.size() >= 60, qPrintable(QString("%1 rows in %2").arg(rows.size()).arg(kDoc)));
        for (int i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].number, i + 1);
            QVERIFY2(!rows[i].command.isEmpty(), qPrintable(QString("row %1 has no command").arg(i + 1)));
            QVERIFY2(rows[i].exit >= 0, qPrintable(QString("row %1 has no exit code").arg(i + 1)));
            QVERIFY2(!rows[i].messages.isEmpty(), qPrintable(QString("row %1 quotes no message").arg(i + 1)));
        }
    }

    // docs/limits.md lists every row of the one limits table, as it stands.
    void limitsDocListsTheTable() {
        QFile f(QStringLiteral(SW_SAMPLES_DIR "/../docs/limits.md"));
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString doc = QString::fromUtf8(f.readAll());
        for (const sw::limits::Limit& l : sw::limits::table()) {
            const QString row = QStringLiteral("| %1 | %2 | %3 |")
                                    .arg(QString::fromUtf8(l.what.data(), l.what.size()),
                                         QString::fromUtf8(l.value.data(), l.value.size()),
                                         QString::fromUtf8(l.past.data(), l.past.size()).replace('|', "\\|"));
            QVERIFY2(doc.contains(row), qPrintable("docs/limits.md lacks: " + row));
        }
        QCOMPARE(sw::limits::kInputBytes, std::size_t{67108864});
    }

    void everyRowPrintsWhatTheDocSays_data() {
        QTest::addColumn<int>("index");
        const QList<Row> rows = readTable();
        for (int i = 0; i < rows.size(); ++i)
            QTest::newRow(qPrintable(QString("%1 %2").arg(rows[i].number).arg(rows[i].input.left(50)))) << i;
    }
    void everyRowPrintsWhatTheDocSays() {
        QFETCH(int, index);
        static QTemporaryDir dir;
        static const bool generated = dir.isValid() && makeGenerated(dir.path());
        QVERIFY(generated);
        const Row row = readTable().at(index);
        QString command = expand(row.command, dir.path());
        QByteArray input;
        bool withInput = false;
        if (const qsizetype lt = command.indexOf(QStringLiteral(" < ")); lt >= 0) {
            QFile in(command.mid(lt + 3).trimmed());
            QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(in.fileName()));
            input = in.readAll();
            withInput = true;
            command = command.left(lt);
        }
        QStringList args = command.split(' ', Qt::SkipEmptyParts);
        QCOMPARE(args.value(0), QStringLiteral("scalewright"));
        args.removeFirst();
        const Run r = withInput ? runScalewright(args, 60000, &input) : runScalewright(args, 60000);
        const QString all = QString::fromUtf8(r.out + r.err);
        const QString context = command + "\n" + all.left(3000);
        QVERIFY2(r.code == row.exit, qPrintable(QString("exit %1, the doc says %2: %3").arg(r.code).arg(row.exit).arg(context)));
        for (const QString& m : row.messages)
            QVERIFY2(all.contains(expand(m, dir.path())), qPrintable("missing '" + m + "' in: " + context));
    }
};

QTEST_GUILESS_MAIN(TestBadInputDoc)
#include "test_bad_input_doc.moc"
