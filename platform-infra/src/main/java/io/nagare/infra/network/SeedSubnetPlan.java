package io.nagare.infra.network;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.services.ec2.AllocateCidrRequest;
import software.amazon.awscdk.services.ec2.AllocatedSubnet;
import software.amazon.awscdk.services.ec2.IIpAddresses;
import software.amazon.awscdk.services.ec2.RequestedSubnet;
import software.amazon.awscdk.services.ec2.SubnetIpamOptions;
import software.amazon.awscdk.services.ec2.VpcIpamOptions;

/**
 * The seed's address plan (section 3.1): VPC {@code 10.0.0.0/16}, and for each subnet group one {@code /24} per AZ at
 * a fixed address. CDK's own allocator packs subnets one after the other, which would give the application subnets
 * {@code 10.0.2.0/24}; this plan hands out exactly the seed's blocks instead.
 */
final class SeedSubnetPlan implements IIpAddresses {

    static final String VPC_CIDR = "10.0.0.0/16";
    static final String PUBLIC = "Public";
    static final String APPLICATION = "Application";
    static final String DATA = "Data";

    /** Per subnet group, the CIDR of its subnet in the first and second AZ. */
    static final Map<String, List<String>> CIDRS = Map.of(
            PUBLIC, List.of("10.0.0.0/24", "10.0.1.0/24"),
            APPLICATION, List.of("10.0.10.0/24", "10.0.11.0/24"),
            DATA, List.of("10.0.20.0/24", "10.0.21.0/24"));

    private final List<String> availabilityZones;

    SeedSubnetPlan(List<String> availabilityZones) {
        this.availabilityZones = List.copyOf(availabilityZones);
    }

    @Override
    public VpcIpamOptions allocateVpcCidr() {
        return VpcIpamOptions.builder().cidrBlock(VPC_CIDR).build();
    }

    @Override
    public SubnetIpamOptions allocateSubnetsCidr(AllocateCidrRequest request) {
        List<AllocatedSubnet> allocated = request.getRequestedSubnets().stream()
                .map(subnet -> AllocatedSubnet.builder().cidr(cidrOf(subnet)).build())
                .toList();
        return SubnetIpamOptions.builder().allocatedSubnets(allocated).build();
    }

    private String cidrOf(RequestedSubnet subnet) {
        String group = subnet.getConfiguration().getName();
        List<String> cidrs = CIDRS.get(group);
        int zone = availabilityZones.indexOf(subnet.getAvailabilityZone());
        if (cidrs == null || zone < 0) {
            throw new IllegalArgumentException("the seed's address plan has no subnet for group '" + group
                    + "' in " + subnet.getAvailabilityZone() + "; it plans " + CIDRS.keySet() + " in "
                    + availabilityZones);
        }
        return cidrs.get(zone);
    }
}
