package org.enma.cli.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;

/**
 * A table's content as one SHA-256: every cell in scan order, with its row, family, qualifier, timestamp and value,
 * each length-prefixed so that no two different tables give the same bytes. A backup records it from the exported
 * snapshot; a restore compares the restored table with it.
 */
final class CellChecksum {
    private final MessageDigest digest = sha256();
    private long rows;

    /** The checksum and row count of everything {@code scanner} returns. */
    static CellChecksum of(ResultScanner scanner) throws IOException {
        CellChecksum checksum = new CellChecksum();
        for (Result row = scanner.next(); row != null; row = scanner.next()) {
            checksum.add(row);
        }
        return checksum;
    }

    private void add(Result row) {
        rows++;
        for (Cell cell : row.rawCells()) {
            part(cell.getRowArray(), cell.getRowOffset(), cell.getRowLength());
            part(cell.getFamilyArray(), cell.getFamilyOffset(), cell.getFamilyLength());
            part(cell.getQualifierArray(), cell.getQualifierOffset(), cell.getQualifierLength());
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(cell.getTimestamp()).array());
            part(cell.getValueArray(), cell.getValueOffset(), cell.getValueLength());
        }
    }

    private void part(byte[] bytes, int offset, int length) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(length).array());
        digest.update(bytes, offset, length);
    }

    long rows() {
        return rows;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
