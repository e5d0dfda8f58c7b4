// The .swproj store under damage and failure: files that are not ours, too
// new or broken are refused with their own message; a save that fails or is
// killed part-way leaves the previous version; foreign files are not touched.
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <sqlite3.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "model/Model.h"
#include "tests/support/TestDesigns.h"

using namespace sw;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void spit(const std::string& path, std::string_view bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
}

// Runs SQL on a file with plain SQLite, outside the store, to forge files.
bool rawExec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
              sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ok) qWarning("raw SQL failed: %s", sqlite3_errmsg(db));
    sqlite3_close(db);
    return ok;
}

std::string refusal(const std::string& path) {
    auto p = readSwproj(path);
    return p.ok() ? "(accepted)" : p.error();
}

}  // namespace

class TestStore : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::string path(const char* name) { return tmp_.filePath(name).toStdString(); }

    // A valid project file of several pages.
    std::string goodFile(const char* name, int components = 300) {
        const std::string f = path(name);
        Project p;
        p.name = name;
        p.variants = {testing::generatedDesign(components)};
        const auto e = writeSwproj(f, p);
        if (e) qWarning("%s", e->c_str());
        return f;
    }

private slots:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    void missingFileAndDirectory() {
        QCOMPARE(refusal(path("nope.swproj")), path("nope.swproj") + ": no such file");
        QCOMPARE(refusal(tmp_.path().toStdString()), tmp_.path().toStdString() + ": is a directory, not a file");
    }

    void notSqliteIsRefused() {
        const std::string f = path("random.swproj");
        std::mt19937 rng(7);
        std::string bytes(64 * 1024, '\0');
        for (char& c : bytes) c = static_cast<char>(rng());
        spit(f, bytes);
        QCOMPARE(refusal(f), f + ": not a Scalewright project (not an SQLite database)");
        const std::string j = path("text.swproj");
        spit(j, projectToJson(testing::handMadeProject()));
        QCOMPARE(refusal(j), j + ": not a Scalewright project (not an SQLite database)");
        const std::string empty = path("empty.swproj");
        spit(empty, "");
        QCOMPARE(refusal(empty), empty + ": is empty, not a Scalewright project");
    }

    // An SQLite header followed by noise.
    void sqliteHeaderThenNoise() {
        const std::string f = path("noise.swproj");
        std::mt19937 rng(11);
        std::string bytes(16 * 4096, '\0');
        for (char& c : bytes) c = static_cast<char>(rng());
        std::memcpy(bytes.data(), "SQLite format 3\0", 16);
        spit(f, bytes);
        const std::string e = refusal(f);
        QVERIFY2(e.starts_with(f + ": "), e.c_str());
        QVERIFY2(e.find("damaged") != std::string::npos || e.find("not an SQLite database") != std::string::npos,
                 e.c_str());
    }

    void truncatedFileIsRefused() {
        const std::string good = goodFile("whole.swproj");
        const std::string bytes = slurp(good);
        QVERIFY(bytes.size() > 40000);
        for (std::size_t keep : {bytes.size() / 2, std::size_t(4096 + 100), std::size_t(100), std::size_t(20)}) {
            const std::string f = path("truncated.swproj");
            spit(f, std::string_view(bytes).substr(0, keep));
            const std::string e = refusal(f);
            QVERIFY2(e.starts_with(f + ": "), e.c_str());
            QVERIFY2(e.find("damaged") != std::string::npos || e.find("not an SQLite database") != std::string::npos,
                     (std::to_string(keep) + ": " + e).c_str());
        }
    }

    // A page in the middle overwritten with garbage: integrity_check finds it.
    void corruptedPageIsRefused() {
        const std::string f = goodFile("corrupt.swproj");
        std::string bytes = slurp(f);
        const std::size_t page = 4096;
        QVERIFY(bytes.size() > 6 * page);
        std::mt19937 rng(3);
        for (std::size_t i = 4 * page + 8; i < 5 * page; ++i) bytes[i] = static_cast<char>(rng());
        spit(f, bytes);
        const std::string e = refusal(f);
        QVERIFY2(e.starts_with(f + ": is damaged: "), e.c_str());
    }

    // Random bytes written over random places of a valid file: each opens or
    // is refused with a message naming the file, never a crash or a hang.
    void randomDamageNeverCrashes() {
        const std::string good = goodFile("fuzz-base.swproj", 200);
        const std::string bytes = slurp(good);
        std::mt19937 rng(42);
        const std::string f = path("fuzz.swproj");
        int refused = 0;
        for (int i = 0; i < 300; ++i) {
            std::string b = bytes;
            const int hits = 1 + static_cast<int>(rng() % 8);
            for (int k = 0; k < hits; ++k) {
                const std::size_t at = rng() % b.size();
                const std::size_t len = std::min<std::size_t>(1 + rng() % 64, b.size() - at);
                for (std::size_t j = 0; j < len; ++j) b[at + j] = static_cast<char>(rng());
            }
            spit(f, b);
            auto p = readSwproj(f);
            if (!p.ok()) {
                ++refused;
                QVERIFY2(p.error().starts_with(f + ": "), p.error().c_str());
                QVERIFY2(p.error().find('\n') == std::string::npos, p.error().c_str());
            }
        }
        QVERIFY(refused > 0);
    }

    void wrongApplicationIdIsRefused() {
        const std::string other = path("other.db");
        QVERIFY(rawExec(other, "PRAGMA application_id=305419896; CREATE TABLE t(x); INSERT INTO t VALUES(1);"));
        QCOMPARE(refusal(other), other + ": is an SQLite database but not a Scalewright project");
        const std::string plain = path("plain.db");
        QVERIFY(rawExec(plain, "CREATE TABLE notes(x); INSERT INTO notes VALUES('mine');"));
        QCOMPARE(refusal(plain), plain + ": is an SQLite database but not a Scalewright project");
        // loadProject recognises SQLite by content, whatever the name.
        QCOMPARE(loadProject(plain).error(), plain + ": is an SQLite database but not a Scalewright project");
    }

    void futureVersionIsRefused() {
        const std::string f = goodFile("future.swproj", 20);
        QVERIFY(rawExec(f, "PRAGMA user_version=" + std::to_string(kSwprojSchemaVersion + 1)));
        QCOMPARE(refusal(f), f + ": was saved by a newer Scalewright (project schema " +
                                 std::to_string(kSwprojSchemaVersion + 1) + "; this version reads up to " +
                                 std::to_string(kSwprojSchemaVersion) + ")");
        // ...and is not overwritten either.
        const std::string before = slurp(f);
        auto e = writeSwproj(f, testing::handMadeProject());
        QVERIFY(e);
        QCOMPARE(*e, f + ": was saved by a newer Scalewright; not overwritten");
        QCOMPARE(slurp(f), before);
    }

    void missingVersionIsRefused() {
        const std::string f = goodFile("noversion.swproj", 20);
        QVERIFY(rawExec(f, "PRAGMA user_version=0"));
        QCOMPARE(refusal(f), f + ": has no project schema version; the file is damaged");
    }

    // Ours by header, but a table is gone: refused, not read as empty.
    void missingTableIsRefused() {
        const std::string f = goodFile("notable.swproj", 20);
        QVERIFY(rawExec(f, "DROP TABLE zone"));
        QCOMPARE(refusal(f), f + ": is damaged: no such table: zone");
        const std::string g = goodFile("nocolumn.swproj", 20);
        QVERIFY(rawExec(g, "ALTER TABLE link DROP COLUMN access"));
        QCOMPARE(refusal(g), g + ": is damaged: no such column: access");
    }

    void badStoredValuesAreRefused() {
        const std::string f = goodFile("badkind.swproj", 20);
        QVERIFY(rawExec(f, "UPDATE component SET kind='robot' WHERE id='s0-web'"));
        QCOMPARE(refusal(f), f + ": variant 'Generated 20': component 's0-web' has an unknown kind, role or pricing");
        const std::string g = goodFile("badvalue.swproj", 20);
        QVERIFY(rawExec(g, "UPDATE param SET value=-2 WHERE owner_id='s1-web' AND key='instances'"));
        QCOMPARE(refusal(g), g + ": variant 'Generated 20': component 's1-web' instances: -2 is below the minimum 1");
        const std::string h = goodFile("badrect.swproj", 20);
        QVERIFY(rawExec(h, "UPDATE region SET w=-5"));
        QCOMPARE(refusal(h), h + ": variant 'Generated 20': region 'r0' rect.w: -5 is below the minimum 10");
    }

    // Parameter rows in another order than this program writes them (another
    // writer, a VACUUM) are still matched to their records.
    void parameterRowsInAnyOrder() {
        const std::string f = path("shuffled.swproj");
        const Project p = testing::handMadeProject();
        QVERIFY(!writeSwproj(f, p));
        QVERIFY(rawExec(f, "CREATE TABLE p2 AS SELECT * FROM param ORDER BY owner_id DESC, key; DELETE FROM param; "
                           "INSERT INTO param SELECT * FROM p2; DROP TABLE p2;"));
        auto back = readSwproj(f);
        QVERIFY2(back.ok(), back.error().c_str());
        QVERIFY(back.value() == p);
        // A record whose rows are gone takes the defaults.
        QVERIFY(rawExec(f, "DELETE FROM param WHERE owner_id='api' AND variant=1"));
        auto fewer = readSwproj(f);
        QVERIFY2(fewer.ok(), fewer.error().c_str());
        QCOMPARE(fewer.value().variants[0].findComponent("api")->params, ComponentParams{});
        QCOMPARE(fewer.value().variants[1].findComponent("api")->params.instances, 60.0);
    }

    // Text that is not UTF-8 in a forged file still converts to JSON.
    void invalidUtf8InAFileDoesNotCrashTheWriter() {
        const std::string f = goodFile("utf8.swproj", 20);
        QVERIFY(rawExec(f, "UPDATE component SET name=CAST(X'41FF42' AS TEXT) WHERE id='s0-web'"));
        auto p = readSwproj(f);
        QVERIFY2(p.ok(), p.error().c_str());
        const std::string json = projectToJson(p.value());
        QVERIFY(json.find("\"A\xef\xbf\xbd" "B\"") != std::string::npos);
    }

    void savedFileIsOneFileWithOurStamp() {
        const std::string f = goodFile("stamp.swproj", 20);
        QVERIFY(!fs::exists(f + "-journal"));
        QVERIFY(!fs::exists(f + "-wal"));
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(f.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        auto pragma = [&](const char* sql) {
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
            sqlite3_step(st);
            std::string v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
            sqlite3_finalize(st);
            return v;
        };
        QCOMPARE(pragma("PRAGMA application_id"), std::to_string(0x5357504A));
        QCOMPARE(pragma("PRAGMA user_version"), std::to_string(kSwprojSchemaVersion));
        QCOMPARE(pragma("PRAGMA journal_mode"), std::string("delete"));
        sqlite3_close(db);
        // Reading leaves the bytes alone.
        const std::string before = slurp(f);
        QVERIFY(readSwproj(f).ok());
        QCOMPARE(slurp(f), before);
    }

    // A save that hits a constraint half-way rolls back to the previous version.
    void failedSaveKeepsThePreviousVersion() {
        const std::string f = path("keep.swproj");
        const Project first = testing::handMadeProject();
        QVERIFY(!writeSwproj(f, first));
        Project second = first;
        second.variants[1].components.push_back(second.variants[1].components[3]);   // duplicate id
        auto e = writeSwproj(f, second);
        QVERIFY(e);
        QCOMPARE(*e, f + ": save failed, file unchanged: UNIQUE constraint failed: component.variant, component.id");
        auto back = readSwproj(f);
        QVERIFY2(back.ok(), back.error().c_str());
        QVERIFY(back.value() == first);
        Project third = first;
        third.variants[1].name = third.variants[0].name;   // duplicate variant name
        QVERIFY(writeSwproj(f, third));
        QVERIFY(readSwproj(f).value() == first);
        QVERIFY(!fs::exists(f + "-journal"));
    }

    // A save killed in the middle of its transaction, after it has begun to
    // write into the file itself, leaves a hot journal; the next open rolls
    // it back and finds the previous version.
    void killedSaveKeepsThePreviousVersion() {
        const std::string f = path("killed.swproj");
        const Project first = testing::handMadeProject();
        QVERIFY(!writeSwproj(f, first));
        const std::string before = slurp(f);
        Project big;
        big.name = "big";
        big.variants = {testing::generatedDesign(20000)};
        bool killedMidway = false;
        for (int attempt = 0; attempt < 10 && !killedMidway; ++attempt) {
            const pid_t child = fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                (void)writeSwproj(f, big);
                _exit(0);
            }
            // The file grows when the transaction spills pages into it.
            std::error_code ec;
            for (int i = 0; i < 40000 && fs::file_size(f, ec) <= before.size(); ++i)
                std::this_thread::sleep_for(std::chrono::microseconds(250));
            ::kill(child, SIGKILL);
            int status = 0;
            ::waitpid(child, &status, 0);
            killedMidway = WIFSIGNALED(status) && fs::exists(f + "-journal") && slurp(f) != before;
            if (!killedMidway) QVERIFY(!writeSwproj(f, first));   // too early or too late: again
        }
        QVERIFY2(killedMidway, "could not kill the save in the middle of its transaction");
        auto back = readSwproj(f);
        QVERIFY2(back.ok(), back.error().c_str());
        QVERIFY(back.value() == first);
        QVERIFY(!fs::exists(f + "-journal"));
        QCOMPARE(slurp(f).substr(100), before.substr(100));   // page 1's header counters may differ
        // And the next save works.
        QVERIFY(!writeSwproj(f, big));
        QVERIFY(readSwproj(f).value() == big);
    }

    void foreignFilesAreNotOverwritten() {
        const std::string text = path("notes.swproj");
        spit(text, "my notes\n");
        auto e = writeSwproj(text, testing::handMadeProject());
        QVERIFY(e);
        QCOMPARE(*e, text + ": exists and is not a Scalewright project; not overwritten");
        QCOMPARE(slurp(text), std::string("my notes\n"));

        for (const char* sql : {"PRAGMA application_id=305419896; CREATE TABLE t(x);",
                                "CREATE TABLE notes(x); INSERT INTO notes VALUES('mine');",
                                "CREATE TABLE project(key TEXT PRIMARY KEY, value TEXT NOT NULL);"}) {
            const std::string db = path("foreign.swproj");
            fs::remove(db);
            QVERIFY(rawExec(db, sql));
            const std::string before = slurp(db);
            auto w = writeSwproj(db, testing::handMadeProject());
            QVERIFY2(w, sql);
            QCOMPARE(*w, db + ": is an SQLite database of another program; not overwritten");
            QCOMPARE(slurp(db), before);
        }
        // An empty file (made by a "new file" dialog) is ours to fill.
        const std::string empty = path("new.swproj");
        spit(empty, "");
        QVERIFY(!writeSwproj(empty, testing::handMadeProject()));
        QVERIFY(readSwproj(empty).value() == testing::handMadeProject());
    }

    // saveProject never leaves a half-written file, nor a temporary one.
    void saveProjectIsAtomic() {
        Project dup = testing::handMadeProject();
        dup.variants[0].components.push_back(dup.variants[0].components[0]);
        const std::string fresh = path("atomic/new.swproj");
        fs::create_directories(path("atomic"));
        auto e = saveProject(fresh, dup);
        QVERIFY(e);
        QVERIFY2(e->starts_with(fresh + ": save failed, file unchanged: UNIQUE constraint failed"), e->c_str());
        QVERIFY(!fs::exists(fresh));
        QCOMPARE(std::distance(fs::directory_iterator(path("atomic")), fs::directory_iterator()), 0);
        QVERIFY(!saveProject(fresh, testing::handMadeProject()));
        QVERIFY(!saveProject(path("atomic/new.json"), testing::handMadeProject()));
        QCOMPARE(std::distance(fs::directory_iterator(path("atomic")), fs::directory_iterator()), 2);
        QVERIFY(loadProject(fresh).value() == testing::handMadeProject());
        auto missingDir = saveProject(path("nowhere/x.json"), testing::handMadeProject());
        QVERIFY(missingDir);
        QCOMPARE(*missingDir, path("nowhere/x.json") + ": cannot write (No such file or directory)");
        auto dir = saveProject(path("atomic"), testing::handMadeProject());
        QVERIFY(dir);
        QCOMPARE(*dir, path("atomic") + ": is a directory, not a file");
    }

    // What could not be opened again is not saved.
    void emptyProjectIsNotSaved() {
        Project empty;
        for (const char* name : {"empty-project.swproj", "empty-project.json"}) {
            auto e = saveProject(path(name), empty);
            QVERIFY(e);
            QCOMPARE(*e, path(name) + ": a project needs at least one variant; not saved");
            QVERIFY(!fs::exists(path(name)));
        }
        QVERIFY(writeSwproj(path("empty-direct.swproj"), empty));
    }

    void directoryIsNotWritten() {
        auto e = writeSwproj(tmp_.path().toStdString(), testing::handMadeProject());
        QVERIFY(e);
        QCOMPARE(*e, tmp_.path().toStdString() + ": is a directory, not a file");
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"
