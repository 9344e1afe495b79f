package io.nagare.infra.data;

import java.util.List;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.compliance.NagAcknowledgement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.backup.BackupPlanRule;
import software.amazon.awscdk.services.backup.BackupResource;
import software.amazon.awscdk.services.backup.BackupSelection;
import software.amazon.awscdk.services.backup.BackupSelectionOptions;
import software.amazon.awscdk.services.backup.BackupVault;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * AWS Backup for the data stores (seed section 4.2): a daily backup kept 35 days and a monthly one kept a year, in a
 * vault encrypted with the business data key. The plan lives with the data it protects, so adding a table adds it to
 * the plan in the same deployment.
 */
public final class DataBackup extends Construct {

    private final BackupPlan plan;

    public DataBackup(Construct scope, String id, PlatformEnvironment environment, IKey key) {
        super(scope, id);
        BackupVault vault = BackupVault.Builder.create(this, "Vault")
                .encryptionKey(key)
                .removalPolicy(environment.dataRemovalPolicy())
                .build();
        plan = BackupPlan.Builder.create(this, "Plan")
                .backupVault(vault)
                .backupPlanRules(List.of(
                        BackupPlanRule.Builder.create().ruleName("Daily")
                                .scheduleExpression(Schedule.cron(software.amazon.awscdk.services.events.CronOptions
                                        .builder().hour("17").minute("0").build()))
                                .deleteAfter(Duration.days(35)).build(),
                        BackupPlanRule.Builder.create().ruleName("Monthly")
                                .scheduleExpression(Schedule.cron(software.amazon.awscdk.services.events.CronOptions
                                        .builder().day("1").hour("18").minute("0").build()))
                                .moveToColdStorageAfter(Duration.days(30))
                                .deleteAfter(Duration.days(365)).build()))
                .build();
    }

    /** Backs up {@code resources} under the selection {@code id}. */
    public void protect(String id, List<BackupResource> resources) {
        BackupSelection selection = plan.addSelection(id, BackupSelectionOptions.builder().resources(resources)
                .allowRestores(true).build());
        NagAcknowledgement.limited(selection, "AWS Backup's service role needs AWS's managed backup and restore "
                        + "policies; they are scoped by AWS to the resource types Backup supports.",
                "AwsSolutions-IAM4",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore");
    }
}
