// The demand a design must carry: users, their requests and how they grow.
#pragma once

namespace sw {

struct Workload {
    double users = 1000;                      // daily active users
    double requests_per_user_per_day = 100;
    double read_fraction = 0.8;               // seeds: 80:20 read:write
    double peak_factor = 3;                   // seeds: peak = 3 x average
    double monthly_growth = 0.2;              // seeds: 20 % a month
    double user_ceiling = 0;                  // logistic saturation; 0 = unbounded
    double bytes_per_response = 20000;
    double data_per_user_mb = 10;
    double target_utilization = 0.7;         // seeds' scale-up threshold

    bool operator==(const Workload&) const = default;
};

}  // namespace sw
