// Writes the .swproj fuzz target's seed corpus: every JSON project given,
// saved by the store as it saves any project, and the frozen schema-1 file
// rebuilt from its SQL (so the migration path is fuzzed too).
//
// Usage: make_swproj_seeds OUTDIR [FILE.json | FILE.sql]...
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "model/JsonFormat.h"
#include "model/ProjectIO.h"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_swproj_seeds OUTDIR FILE.json|FILE.sql...\n");
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    int failures = 0;
    for (int i = 2; i < argc; ++i) {
        const std::filesystem::path in = argv[i];
        const std::string target = (out / in.stem()).string() + ".swproj";
        std::filesystem::remove(target, ec);
        if (in.extension() == ".sql") {
            auto sql = sw::readTextFile(in.string(), 16u << 20);
            sqlite3* db = nullptr;
            char* err = nullptr;
            const bool ok = sql && sqlite3_open(target.c_str(), &db) == SQLITE_OK &&
                            sqlite3_exec(db, sql.value().c_str(), nullptr, nullptr, &err) == SQLITE_OK;
            if (!ok) {
                std::fprintf(stderr, "make_swproj_seeds: %s: %s\n", in.c_str(), err ? err : "cannot be read");
                ++failures;
            }
            sqlite3_free(err);
            sqlite3_close(db);
            continue;
        }
        auto project = sw::readProjectJsonFile(in.string());
        if (!project) {
            std::fprintf(stderr, "make_swproj_seeds: %s\n", project.error().c_str());
            ++failures;
            continue;
        }
        if (auto e = sw::saveProject(target, project.value())) {
            std::fprintf(stderr, "make_swproj_seeds: %s\n", e->c_str());
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}
