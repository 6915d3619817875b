package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.util.Bytes;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EnmaStackExtension.class)
class TableCreatorIT {
    private static final CompanyId COMPANY = CompanyId.of("1111111111");
    private static Admin admin;
    private static TableNames names;
    private static TableCreator creator;

    @BeforeAll
    static void connect(TestStack stack) throws IOException {
        admin = stack.connection().getAdmin();
        names = new TableNames(stack.namespace());
        creator = new TableCreator(admin, names, Compression.Algorithm.GZ);
    }

    @Test
    void measureTablesArePreSplitOnBucketBoundaries() throws IOException {
        EnmaTable table = EnmaTable.consumption("electricityConsumption", COMPANY);
        assertThat(creator.exists(table)).isFalse();
        assertThat(Arrays.stream(creator.regionStarts(table)).map(Bytes::toString))
                .containsExactly("", "19~", "28~", "37~", "46~", "55~", "64~", "73~", "82~", "91~");
        TableName name = creator.ensure(table);
        assertThat(creator.exists(table)).isTrue();
        assertThat(name.getNameAsString()).isEqualTo(names.namespace() + ":electricityConsumption_1111111111");
        List<RegionInfo> regions = admin.getRegions(name);
        assertThat(regions).hasSize(10);
        assertThat(regions.stream().map(r -> Bytes.toString(r.getStartKey())).sorted())
                .containsExactly("", "19~", "28~", "37~", "46~", "55~", "64~", "73~", "82~", "91~");
    }

    @Test
    void periodTablesHaveOneRegionPerSaltAndOneFamilyPerPeriod() throws IOException {
        EnmaTable periods = EnmaTable.periodsOf(EnmaTable.consumption("electricityConsumption", COMPANY));
        TableName name = creator.ensure(periods);
        assertThat(name.getNameAsString()).isEqualTo(names.namespace()
                + ":electricityConsumptionPeriods_1111111111");
        assertThat(admin.getRegions(name).stream().map(r -> Bytes.toString(r.getStartKey())).sorted())
                .containsExactly("", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f");
        assertThat(admin.getDescriptor(name).getColumnFamilyNames()).extracting(Bytes::toString)
                .containsExactlyInAnyOrder("HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR");
        assertThat(names.list(admin)).contains(periods);
    }

    @Test
    void familiesAreCompressedWithRowBloomFiltersAndOneVersion() throws IOException {
        TableDescriptor customers = admin.getDescriptor(creator.ensure(EnmaTable.customers()));
        assertThat(customers.getColumnFamilyNames()).extracting(Bytes::toString)
                .containsExactlyInAnyOrder("info", "address", "profile");
        for (ColumnFamilyDescriptor family : customers.getColumnFamilies()) {
            assertThat(family.getCompressionType()).isEqualTo(Compression.Algorithm.GZ);
            assertThat(family.getBloomFilterType()).isEqualTo(BloomType.ROW);
            assertThat(family.getMaxVersions()).isEqualTo(1);
        }
        assertThat(admin.getRegions(names.of(EnmaTable.customers()))).hasSize(1);
        assertThat(Arrays.stream(creator.regionStarts(EnmaTable.customers())).map(Bytes::toString))
                .containsExactly("");
    }

    @Test
    void creationIsIdempotentAndListingShowsOnlyEnmaTables() throws IOException {
        EnmaTable weather = EnmaTable.weather("temperatureAir");
        creator.ensure(weather);
        creator.ensure(weather);
        creator.ensure(EnmaTable.results("OT101"));
        admin.createTable(org.apache.hadoop.hbase.client.TableDescriptorBuilder
                .newBuilder(TableName.valueOf(names.namespace(), "not-enma"))
                .setColumnFamily(org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder.of("f")).build());
        assertThat(names.list(admin)).extracting(EnmaTable::name).contains("temperatureAir", "ot101")
                .doesNotContain("not-enma");
        assertThat(admin.getRegions(names.of(weather))).hasSize(10);
    }
}
