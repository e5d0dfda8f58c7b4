// How fast a design loads, saves and validates at 1,000 and 10,000
// components, next to raw nlohmann parsing and a raw SQLite scan of the same
// data in the same run, so the ratios hold on a noisy machine.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <string>
#include <unistd.h>
#include <vector>

#include "model/Model.h"
#include "tests/support/TestDesigns.h"

namespace fs = std::filesystem;

namespace {

struct Timing {
    double wall = 0;   // ms, median
    double cpu = 0;    // ms of this process's CPU time, median: steadier on a shared machine
};

double cpuNowMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// Medians of `runs` calls, in milliseconds.
Timing median(int runs, const std::function<void()>& f) {
    std::vector<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        const double c = cpuNowMs();
        f();
        cpu.push_back(cpuNowMs() - c);
        wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

void die(const std::string& why) {
    std::fprintf(stderr, "bench_model: %s\n", why.c_str());
    std::exit(1);
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// The baseline for .swproj loading: every row of the component table, each
// column read, with plain SQLite.
std::size_t rawSelect(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT * FROM component", -1, &st, nullptr);
    std::size_t bytes = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count(st); ++c) bytes += sqlite3_column_bytes(st, c);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return bytes;
}

struct Row {
    std::string what;
    std::map<int, Timing> ms;
};

}  // namespace

int main() {
    const fs::path dir = fs::temp_directory_path() / ("sw_bench_model_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::vector<int> sizes{1000, 10000};
    std::vector<Row> rows{{"load JSON (read, parse, check)", {}},
                          {"  baseline: nlohmann::json::parse", {}},
                          {"load .swproj (open, check, read)", {}},
                          {"  baseline: SELECT * FROM component", {}},
                          {"save .swproj (over the previous)", {}},
                          {"save JSON", {}},
                          {"validate", {}}};
    std::map<int, std::size_t> jsonBytes, swprojBytes, links;
    for (int n : sizes) {
        const int runs = n >= 10000 ? 7 : 11;
        sw::Project p;
        p.name = "bench";
        p.variants = {sw::testing::generatedDesign(n)};
        links[n] = p.variants[0].links.size();
        const std::string json = (dir / ("d" + std::to_string(n) + ".json")).string();
        const std::string swproj = (dir / ("d" + std::to_string(n) + ".swproj")).string();
        if (auto e = sw::saveProject(json, p)) die(*e);
        if (auto e = sw::saveProject(swproj, p)) die(*e);
        jsonBytes[n] = fs::file_size(json);
        swprojBytes[n] = fs::file_size(swproj);
        const std::string text = slurp(json);

        rows[0].ms[n] = median(runs, [&] {
            auto r = sw::readProjectJsonFile(json);
            if (!r || r->variants[0].components.size() != p.variants[0].components.size()) die("JSON load failed");
        });
        rows[1].ms[n] = median(runs, [&] {
            auto j = nlohmann::json::parse(text);
            if (j.size() < 3) die("raw parse failed");
        });
        rows[2].ms[n] = median(runs, [&] {
            auto r = sw::readSwproj(swproj);
            if (!r || !(r.value() == p)) die("swproj load failed: " + (r ? std::string("differs") : r.error()));
        });
        rows[3].ms[n] = median(runs, [&] {
            if (rawSelect(swproj) == 0) die("raw select failed");
        });
        rows[4].ms[n] = median(runs, [&] {
            if (auto e = sw::writeSwproj(swproj, p)) die(*e);
        });
        rows[5].ms[n] = median(runs, [&] {
            if (auto e = sw::saveProject(json, p)) die(*e);
        });
        rows[6].ms[n] = median(runs, [&] {
            if (sw::hasErrors(sw::validate(p.variants[0]))) die("generated design is invalid");
        });
    }

    std::printf("bench_model: generated designs (20 regions x 3 zones, web stacks of 10 components)\n");
    for (int n : sizes)
        std::printf("  %6d components, %6zu links: JSON %.1f MB, .swproj %.1f MB\n", n, links[n], jsonBytes[n] / 1e6,
                    swprojBytes[n] / 1e6);
    std::printf("\nmedian of runs, ms (wall / CPU)        %18s %18s %10s\n", "1,000", "10,000", "x baseline");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        std::string ratio;
        if (i == 0 || i == 2) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.1f", r.ms.at(10000).cpu / rows[i + 1].ms.at(10000).cpu);
            ratio = buf;
        }
        std::printf("%-38s %8.2f / %7.2f %8.2f / %7.2f %10s\n", r.what.c_str(), r.ms.at(1000).wall,
                    r.ms.at(1000).cpu, r.ms.at(10000).wall, r.ms.at(10000).cpu, ratio.c_str());
    }
    std::printf("(the ratio compares CPU times; wall times include waiting on a shared machine and fsync)\n\n");
    const std::pair<const char*, std::size_t> lines[] = {
        {"load_json_10000", 0}, {"load_swproj_10000", 2}, {"validate_10000", 6}, {"save_swproj_10000", 4},
        {"save_json_10000", 5}, {"baseline_json_parse_10000", 1}, {"baseline_sqlite_select_component_10000", 3}};
    for (auto [name, i] : lines) std::printf("BENCH %s_ms %.2f ms\n", name, rows[i].ms.at(10000).wall);
    for (auto [name, i] : lines) std::printf("BENCH %s_cpu_ms %.2f ms\n", name, rows[i].ms.at(10000).cpu);
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
