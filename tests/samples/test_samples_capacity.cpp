// The bundled samples are workable designs: analysed by the engine at the
// workload's peak, no tier of any sample saturates, and the peak the engine
// carries is the closed form users x requests/day / 86,400 x peak factor;
// the planet design's response bytes leave through its CDN edges.
#include <QDir>
#include <QtTest>

#include "model/JsonFormat.h"
#include "planner/Analysis.h"

class TestSamplesCapacity : public QObject {
    Q_OBJECT

private slots:
    void noTierSaturatesAtPeak_data() {
        QTest::addColumn<QString>("path");
        const QDir dir(SW_SAMPLES_DIR);
        const QStringList files = dir.entryList({"*.json"}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString& f : files) QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    void noTierSaturatesAtPeak() {
        QFETCH(QString, path);
        auto p = sw::readProjectJsonFile(path.toStdString());
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().c_str());
        const sw::Design& d = p.value().variants.front();
        const sw::Analysis a = sw::analyze(d);
        const sw::Workload& w = d.workload;
        const double peak = w.users * w.requests_per_user_per_day / 86400.0 * w.peak_factor;
        QVERIFY2(std::abs(a.summary.peak_rps - peak) <= 1e-9 * peak,
                 qPrintable(QString("%1 vs %2").arg(a.summary.peak_rps).arg(peak)));
        QCOMPARE(a.components.size(), d.components.size());
        for (const sw::ComponentResult& c : a.components) {
            QVERIFY2(!c.saturated && c.utilization < 1.0,
                     qPrintable(QString("%1 runs at %2 %").arg(c.id.c_str()).arg(100 * c.utilization)));
        }
        // Something carries the load: the busiest tier is really busy, not idle.
        double busiest = 0;
        for (const sw::ComponentResult& c : a.components) busiest = std::max(busiest, c.utilization);
        QVERIFY2(busiest > 0.05, qPrintable(QString::number(busiest)));
    }

    void planetEdgeTrafficIsBilledAsCdn() {
        // Users resolve through GeoDNS and are served by CloudFront: every response
        // byte leaves through a CDN edge, and the origins sit in AWS (fetches free),
        // so nothing is internet egress. Bytes a month = users x requests/day / 86,400
        // x 2,629,800 s x bytes per response / 2^30.
        auto p = sw::readProjectJsonFile(QDir(SW_SAMPLES_DIR).filePath("planet-scale-3-region.json").toStdString());
        QVERIFY(p.ok());
        const sw::Design& d = p.value().variants.front();
        const sw::Analysis a = sw::analyze(d);
        const sw::Workload& w = d.workload;
        const double gb = w.users * w.requests_per_user_per_day / 86400.0 * 2629800.0 * w.bytes_per_response /
                          1073741824.0;
        QVERIFY2(std::abs(a.cost.cdn_gb_per_month - gb) <= 1e-9 * gb,
                 qPrintable(QString("%1 vs %2").arg(a.cost.cdn_gb_per_month).arg(gb)));
        QCOMPARE(a.cost.egress_gb_per_month, 0.0);
        QVERIFY(a.cost.cdn > 0);
    }
};

QTEST_GUILESS_MAIN(TestSamplesCapacity)
#include "test_samples_capacity.moc"
