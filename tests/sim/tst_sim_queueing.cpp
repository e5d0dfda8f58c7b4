#include <QtTest>
class TestSimQueueing : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestSimQueueing)
#include "tst_sim_queueing.moc"
