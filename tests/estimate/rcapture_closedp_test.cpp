// The closed-population models against Rcapture 1.4-4 closedp.t on the
// published tables (REFERENCE.md §1.2): every model's N, standard error,
// deviance, df, AIC and BIC to 4 significant digits.

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "estimate/closed_population.h"
#include "reference_tables.h"

namespace uncounted::estimate {
namespace {

using testing::load_mse_table;
using testing::same_digits;

struct Row {
  const char* model;
  double N, se, deviance;
  int df;
  double aic, bic;
};

const std::map<std::string, std::vector<Row>>& references() {
  static const std::map<std::string, std::vector<Row>> refs = {
      {"kosovo_4list.csv",
       {{"M0", 7608.3676, 136.6175, 1104.0020, 13, 1209.4260, 1222.2047},
        {"Mt", 7394.5867, 129.6254, 245.9387, 10, 357.3627, 389.3095},
        {"Mh Chao (LB)", 8787.2428, 222.6205, 986.9218, 12, 1094.3458, 1113.5139},
        {"Mh Poisson2", 9402.9525, 310.8533, 1019.5174, 12, 1126.9414, 1146.1095},
        {"Mh Darroch", 12448.3854, 777.9667, 1001.9252, 12, 1109.3492, 1128.5173},
        {"Mh Gamma3.5", 17102.6387, 1707.2707, 996.5302, 12, 1103.9542, 1123.1222},
        {"Mth Chao (LB)", 8591.1836, 213.5490, 105.4968, 9, 218.9208, 257.2570},
        {"Mth Poisson2", 9327.7613, 306.2661, 139.1876, 9, 252.6116, 290.9478},
        {"Mth Darroch", 12797.3434, 814.8342, 119.4484, 9, 232.8724, 271.2086},
        {"Mth Gamma3.5", 18387.1458, 1892.8765, 113.7837, 9, 227.2077, 265.5438},
        {"Mb", 5189.6652, 62.8692, 744.2273, 12, 851.6513, 870.8194},
        {"Mbh", 5075.4487, 86.0526, 739.9979, 11, 849.4219, 874.9793}}},
      {"rcapture_hiv_4list.csv",
       {{"M0", 11576.7001, 946.0681, 297.8192, 13, 368.8550, 379.9500},
        {"Mt", 11124.5785, 904.7520, 13.0261, 10, 90.0620, 117.7995},
        {"Mh Chao (LB)", 12145.1478, 1076.2484, 295.3634, 12, 368.3992, 385.0417},
        {"Mh Poisson2", 15070.9662, 2972.1456, 295.9392, 12, 368.9751, 385.6176},
        {"Mh Darroch", 20984.6302, 8266.4885, 295.6200, 12, 368.6559, 385.2984},
        {"Mh Gamma3.5", 29202.3129, 17511.6131, 295.5367, 12, 368.5726, 385.2151},
        {"Mth Chao (LB)", 11700.9883, 1030.9156, 10.1575, 9, 89.1934, 122.4784},
        {"Mth Poisson2", 14849.7629, 2915.1120, 10.7786, 9, 89.8144, 123.0995},
        {"Mth Darroch", 21327.4605, 8428.4330, 10.4261, 9, 89.4619, 122.7469},
        {"Mth Gamma3.5", 30623.1534, 18463.1457, 10.3370, 9, 89.3729, 122.6579},
        {"Mb", 4045.9033, 386.9258, 266.7202, 12, 339.7560, 356.3986},
        {"Mbh", 2465.1284, 88.1823, 164.9705, 11, 240.0064, 262.1964}}},
      {"rcapture_lesbian_4list.csv",
       {{"M0", 3829.1968, 99.4029, 477.2488, 13, 573.6014, 584.9802},
        {"Mt", 3738.4685, 95.2463, 174.8092, 10, 277.1619, 305.6087},
        {"Mh Chao (LB)", 4419.9862, 161.5122, 408.3160, 11, 508.6686, 531.4261},
        {"Mh Poisson2", 5027.0100, 247.5262, 411.1245, 12, 509.4771, 526.5452},
        {"Mh Darroch", 6955.3137, 649.0797, 408.3375, 12, 506.6901, 523.7582},
        {"Mh Gamma3.5", 10001.7817, 1485.2742, 408.5469, 12, 506.8995, 523.9676},
        {"Mth Chao (LB)", 4321.3846, 155.0705, 98.1081, 8, 204.4607, 244.2863},
        {"Mth Poisson2", 4942.2220, 240.3207, 101.2955, 9, 205.6481, 239.7844},
        {"Mth Darroch", 6963.7398, 650.0751, 98.1344, 9, 202.4870, 236.6232},
        {"Mth Gamma3.5", 10259.6295, 1535.4700, 98.3616, 9, 202.7143, 236.8505},
        {"Mb", 2470.2444, 33.0426, 191.3715, 12, 289.7241, 306.7923},
        {"Mbh", 2402.8495, 43.4203, 184.8617, 11, 285.2143, 307.9718}}},
      {"rcapture_diabetes_4list.csv",
       {{"M0", 2526.2077, 32.4935, 3174.0526, 13, 3263.2149, 3274.4845},
        {"Mt", 2250.6008, 18.5946, 217.4758, 10, 312.6381, 340.8122},
        {"Mh Chao (LB)", 2560.0550, 35.5808, 3161.1799, 12, 3252.3421, 3269.2466},
        {"Mh Poisson2", 2592.8995, 49.1252, 3169.5693, 12, 3260.7316, 3277.6360},
        {"Mh Darroch", 2602.1567, 69.1648, 3172.1225, 12, 3263.2848, 3280.1892},
        {"Mh Gamma3.5", 2608.6059, 90.9123, 3172.9007, 12, 3264.0629, 3280.9674},
        {"Mth Chao (LB)", 2318.3514, 25.5292, 93.9533, 8, 193.1156, 232.5593},
        {"Mth Poisson2", 2421.0599, 36.7457, 95.1155, 9, 192.2778, 226.0867},
        {"Mth Darroch", 2669.0130, 81.4442, 105.6337, 9, 202.7960, 236.6049},
        {"Mth Gamma3.5", 3037.5818, 172.0319, 112.8585, 9, 210.0207, 243.8297},
        {"Mb", 2072.8093, 2.0365, 1556.4697, 12, 1647.6319, 1664.5364},
        {"Mbh", 2152.0298, 27.0013, 1354.2483, 11, 1447.4106, 1469.9499}}},
      {"rcapture_hare_6occ.csv",
       {{"M0", 75.4336, 3.4550, 68.5162, 61, 154.7066, 159.1456},
        {"Mt", 75.0662, 3.3523, 58.3142, 56, 154.5046, 170.0411},
        {"Mh Chao (LB)", 79.8371, 6.3738, 58.0233, 58, 150.2137, 161.3113},
        {"Mh Poisson2", 81.5270, 5.7115, 59.1072, 60, 147.2976, 153.9561},
        {"Mh Darroch", 90.4024, 11.6252, 61.6004, 60, 149.7908, 156.4494},
        {"Mh Gamma3.5", 100.5727, 21.7410, 62.7706, 60, 150.9610, 157.6195},
        {"Mth Chao (LB)", 79.5715, 6.2537, 47.1150, 52, 151.3054, 175.7200},
        {"Mth Poisson2", 81.0793, 5.5736, 48.1365, 55, 146.3269, 164.0830},
        {"Mth Darroch", 90.4641, 11.6579, 50.7058, 55, 148.8962, 166.6522},
        {"Mth Gamma3.5", 101.5539, 22.4046, 51.9563, 55, 150.1468, 167.9028},
        {"Mb", 81.1461, 8.2615, 67.0268, 60, 155.2172, 161.8757},
        {"Mbh", 74.1829, 14.5944, 63.2568, 59, 153.4472, 162.3253}}},
  };
  return refs;
}

class ClosedpReference : public ::testing::TestWithParam<std::string> {};

TEST_P(ClosedpReference, EveryModelMatchesRcaptureToFourDigits) {
  const CaptureTable table = load_mse_table(GetParam());
  ASSERT_EQ(table.strata.size(), 1u);
  const int t = static_cast<int>(table.lists.size());
  const auto models = closed_population_models(t);
  const auto& expected = references().at(GetParam());
  ASSERT_EQ(models.size(), expected.size());
  for (std::size_t i = 0; i < models.size(); ++i) {
    SCOPED_TRACE(models[i].name);
    ASSERT_EQ(models[i].name, expected[i].model);
    const ModelFit fit = fit_model(models[i], table.strata[0].counts, /*profile=*/false);
    EXPECT_TRUE(fit.converged);
    EXPECT_TRUE(same_digits(fit.N, expected[i].N));
    EXPECT_TRUE(same_digits(fit.se, expected[i].se));
    EXPECT_TRUE(same_digits(fit.deviance, expected[i].deviance));
    EXPECT_EQ(fit.df, expected[i].df);
    EXPECT_TRUE(same_digits(fit.aic, expected[i].aic));
    EXPECT_TRUE(same_digits(fit.bic, expected[i].bic));
  }
}

INSTANTIATE_TEST_SUITE_P(PublishedTables, ClosedpReference,
                         ::testing::Values("kosovo_4list.csv", "rcapture_hiv_4list.csv",
                                           "rcapture_lesbian_4list.csv",
                                           "rcapture_diabetes_4list.csv", "rcapture_hare_6occ.csv"),
                         [](const auto& info) {
                           std::string s = info.param.substr(0, info.param.find('.'));
                           for (char& c : s)
                             if (c == '_') c = 'X';
                           return s;
                         });

// The Chao columns that Rcapture set to zero (REFERENCE.md §1.2 notes).
TEST(ClosedpReference, ChaoNegativeEtaRemovedAsRcaptureDoes) {
  const CaptureTable kosovo = load_mse_table("kosovo_4list.csv");
  const auto models = closed_population_models(4);
  EXPECT_EQ(fit_model(models[2], kosovo.strata[0].counts, false).removed,
            std::vector<std::string>{"eta4"});
  EXPECT_EQ(fit_model(models[6], kosovo.strata[0].counts, false).removed,
            std::vector<std::string>{"eta4"});
  const CaptureTable lesbian = load_mse_table("rcapture_lesbian_4list.csv");
  EXPECT_TRUE(fit_model(models[2], lesbian.strata[0].counts, false).removed.empty());
  const CaptureTable hare = load_mse_table("rcapture_hare_6occ.csv");
  EXPECT_EQ(fit_model(closed_population_models(6)[2], hare.strata[0].counts, false).removed,
            std::vector<std::string>{"eta5"});
}

}  // namespace
}  // namespace uncounted::estimate
