// Distances on the Earth and the latency floor light in fibre imposes.
#pragma once

namespace sw {

inline constexpr double kEarthRadiusKm = 6371.0088;   // IUGG mean radius
inline constexpr double kFibreKmPerMs = 204.0;        // ~c / 1.47 (refractive index of silica)

// Defaults fitted to published inter-region medians (docs/formulas.md, "Latency"):
// relative-error least squares over 13 AWS region pairs, rms error 13 %.
struct LatencyModel {
    double route_factor = 1.3;     // real fibre routes are longer than great circles
    double overhead_ms = 7.0;      // switching, serialisation, the last mile inside a metro
};

double greatCircleKm(double lat1, double lon1, double lat2, double lon2);   // haversine
double floorRttMs(double distanceKm);                                       // 2 d / v
double modelledRttMs(double distanceKm, const LatencyModel& model = {});    // floor x factor + overhead

}  // namespace sw
