#include <QtTest>
class TestSimScenarios : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestSimScenarios)
#include "tst_sim_scenarios.moc"
