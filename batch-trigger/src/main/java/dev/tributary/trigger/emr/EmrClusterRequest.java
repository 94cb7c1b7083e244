package dev.tributary.trigger.emr;

import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.config.TriggerConfig.Emr;
import dev.tributary.trigger.config.TriggerConfig.Jobflow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.emr.model.Application;
import software.amazon.awssdk.services.emr.model.BootstrapActionConfig;
import software.amazon.awssdk.services.emr.model.Configuration;
import software.amazon.awssdk.services.emr.model.EbsBlockDeviceConfig;
import software.amazon.awssdk.services.emr.model.EbsConfiguration;
import software.amazon.awssdk.services.emr.model.InstanceGroupConfig;
import software.amazon.awssdk.services.emr.model.InstanceRoleType;
import software.amazon.awssdk.services.emr.model.JobFlowInstancesConfig;
import software.amazon.awssdk.services.emr.model.MarketType;
import software.amazon.awssdk.services.emr.model.PlacementType;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.ScriptBootstrapActionConfig;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emr.model.Tag;
import software.amazon.awssdk.services.emr.model.VolumeSpecification;

/**
 * The RunJobFlow request from {@code aws.emr} and {@code monitoring.tags} (spec E.3): for a transient cluster, or
 * for a persistent one, which stays up (WAITING) when it has no step left.
 */
public final class EmrClusterRequest {

    private EmrClusterRequest() {
    }

    public static RunJobFlowRequest build(TriggerConfig config, List<StepConfig> steps) {
        return build(config, steps, false);
    }

    public static RunJobFlowRequest build(TriggerConfig config, List<StepConfig> steps, boolean persistent) {
        Emr emr = config.aws().emr();
        List<Application> applications = new ArrayList<>(List.of(
                Application.builder().name("Hadoop").build(), Application.builder().name("Spark").build()));
        emr.hbase().ifPresent(v -> applications.add(Application.builder().name("HBase").build()));
        RunJobFlowRequest.Builder request = RunJobFlowRequest.builder()
                .name(emr.jobflow().jobName())
                .releaseLabel(emr.releaseLabel())
                .applications(applications)
                .logUri(config.aws().s3().buckets().log().url())
                .serviceRole(emr.serviceRole())
                .jobFlowRole(emr.jobflowRole())
                .visibleToAllUsers(true)
                .instances(instances(emr, persistent))
                .bootstrapActions(bootstrapActions(emr))
                .configurations(configurations(emr))
                .tags(config.monitoring().tags().entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .steps(steps);
        emr.securityConfiguration().ifPresent(request::securityConfiguration);
        emr.additionalInfo().ifPresent(request::additionalInfo);
        return request.build();
    }

    private static JobFlowInstancesConfig instances(Emr emr, boolean persistent) {
        Jobflow jf = emr.jobflow();
        List<InstanceGroupConfig> groups = new ArrayList<>();
        groups.add(InstanceGroupConfig.builder().name("Master").instanceRole(InstanceRoleType.MASTER)
                .instanceType(jf.masterInstanceType()).instanceCount(1).market(MarketType.ON_DEMAND).build());
        if (jf.coreInstanceCount() > 0) {
            InstanceGroupConfig.Builder core = group("Core", InstanceRoleType.CORE, jf.coreInstanceType(),
                    jf.coreInstanceCount(), jf.coreInstanceBid());
            jf.coreInstanceEbs().ifPresent(ebs -> core.ebsConfiguration(EbsConfiguration.builder()
                    .ebsOptimized(ebs.ebsOptimized())
                    .ebsBlockDeviceConfigs(EbsBlockDeviceConfig.builder()
                            .volumesPerInstance(1)
                            .volumeSpecification(VolumeSpecification.builder()
                                    .volumeType(ebs.volumeType())
                                    .sizeInGB(ebs.volumeSizeGb())
                                    .iops(ebs.volumeIops().orElse(null))
                                    .build())
                            .build())
                    .build()));
            groups.add(core.build());
        }
        if (jf.taskInstanceCount() > 0) {
            groups.add(group("Task", InstanceRoleType.TASK, jf.taskInstanceType(), jf.taskInstanceCount(),
                    jf.taskInstanceBid()).build());
        }
        JobFlowInstancesConfig.Builder instances = JobFlowInstancesConfig.builder()
                .instanceGroups(groups)
                // Transient: the cluster ends with its steps; the runner also terminates it explicitly.
                // Persistent: it waits for the next run's steps.
                .keepJobFlowAliveWhenNoSteps(persistent)
                .terminationProtected(false);
        emr.ec2KeyName().ifPresent(instances::ec2KeyName);
        // The reader already dropped placement when a subnet is set: a subnet (VPC) overrides placement.
        emr.ec2SubnetId().ifPresent(instances::ec2SubnetId);
        emr.placement().ifPresent(az -> instances.placement(PlacementType.builder().availabilityZone(az).build()));
        return instances.build();
    }

    /** A bid makes the group spot, as in EmrEtlRunner. */
    private static InstanceGroupConfig.Builder group(String name, InstanceRoleType role, String type, int count,
                                                     Optional<BigDecimal> bid) {
        InstanceGroupConfig.Builder g = InstanceGroupConfig.builder().name(name).instanceRole(role)
                .instanceType(type).instanceCount(count);
        bid.ifPresentOrElse(
                price -> g.market(MarketType.SPOT).bidPrice(price.toPlainString()),
                () -> g.market(MarketType.ON_DEMAND));
        return g;
    }

    private static List<BootstrapActionConfig> bootstrapActions(Emr emr) {
        List<BootstrapActionConfig> out = new ArrayList<>();
        for (int i = 0; i < emr.bootstrap().size(); i++) {
            out.add(BootstrapActionConfig.builder()
                    .name("Bootstrap action (" + (i + 1) + ")")
                    .scriptBootstrapAction(ScriptBootstrapActionConfig.builder().path(emr.bootstrap().get(i)).build())
                    .build());
        }
        return out;
    }

    private static List<Configuration> configurations(Emr emr) {
        return emr.configuration().entrySet().stream()
                .map(e -> Configuration.builder().classification(e.getKey()).properties(e.getValue()).build())
                .toList();
    }
}
