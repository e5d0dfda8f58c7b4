// bench_report: what the capacity report costs on big designs, offscreen.
// For generated designs of 1,000, 5,000 and 20,000 components: the engine's
// analyze() alone (the baseline, same run), building the report (analysis,
// projection, charts, text) and printing its PDF (pagination, contents,
// diagram sheets), in CPU time, with the pages and bytes written and the
// process's peak resident memory so far.
// `bench_report --write-design N OUT.json` writes the N-component design
// instead, for timing the command line with /usr/bin/time -v.
#include <QApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>
#include <ctime>

#include "model/ProjectIO.h"
#include "planner/Analysis.h"
#include "tests/support/TestDesigns.h"
#include "views/report/CapacityReport.h"

using namespace sw;

namespace {

double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

template <class F>
double cpuTimeMs(F&& f) {
    const double start = cpuMs();
    f();
    return cpuMs() - start;
}

double peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc == 4 && QByteArray(argv[1]) == "--write-design") {
        Project p;
        p.name = "bench";
        p.variants = {testing::generatedDesign(QByteArray(argv[2]).toInt())};
        if (auto e = saveProject(argv[3], p)) {
            QTextStream(stderr) << QString::fromStdString(*e) << "\n";
            return 1;
        }
        out << "wrote " << argv[3] << " (" << p.variants[0].components.size() << " components)\n";
        return 0;
    }
    QTemporaryDir dir;
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
               .arg("components", 10).arg("analyze ms", 11).arg("build ms", 10).arg("pdf ms", 10).arg("x analyze", 10)
               .arg("pages", 6).arg("diagram", 8).arg("MB", 7).arg("peak RSS MB", 12);
    for (int n : {1000, 5000, 20000}) {
        const Design d = testing::generatedDesign(n);
        const double analyzeMs = cpuTimeMs([&] { (void)analyze(d); });
        std::unique_ptr<views::CapacityReport> report;
        const double buildMs = cpuTimeMs([&] { report = std::make_unique<views::CapacityReport>(d, views::ReportOptions{}); });
        views::PdfInfo info;
        const QString path = dir.filePath(QStringLiteral("r%1.pdf").arg(n));
        std::optional<QString> error;
        const double pdfMs = cpuTimeMs([&] { error = report->writePdf(path, &info); });
        if (error) {
            QTextStream(stderr) << *error << "\n";
            return 1;
        }
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                   .arg(d.components.size(), 10).arg(analyzeMs, 11, 'f', 1).arg(buildMs, 10, 'f', 1).arg(pdfMs, 10, 'f', 1)
                   .arg((buildMs + pdfMs) / analyzeMs, 10, 'f', 1).arg(info.pages, 6).arg(info.diagramPages, 8)
                   .arg(QFileInfo(path).size() / 1e6, 7, 'f', 1).arg(peakRssMb(), 12, 'f', 0);
        out << "BENCH report_" << n << "_cpu_ms " << QString::number(buildMs + pdfMs, 'f', 1) << " ms\n";
        out.flush();
    }
    return 0;
}
